using UmbracoPersonalization.Core.Conditions;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Tests.Visitors;

/// <summary>Visited pages, custom events and visit-level segments kept by the profile.</summary>
public class ProfileBuilderHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ProfileBuilder _builder = new(new ProfileOptions());

    [Fact]
    public void PageViews_KeepDistinctLowerCasePathsMostRecentLast_Bounded()
    {
        var profile = VisitorProfile.CreateNew("v1");
        _builder.Apply(profile, Page(T0, "/Bikes/Gravel?utm_source=x"));
        _builder.Apply(profile, Page(T0.AddMinutes(1), "/shop"));
        _builder.Apply(profile, Page(T0.AddMinutes(2), "/bikes/gravel"));
        Assert.Equal(["/shop", "/bikes/gravel"], profile.RecentPages);

        for (var i = 0; i < ProfileBuilder.MaxRecentPages + 5; i++)
        {
            _builder.Apply(profile, Page(T0.AddMinutes(3 + i), "/p" + i));
        }

        Assert.Equal(ProfileBuilder.MaxRecentPages, profile.RecentPages.Count);
        Assert.Equal("/p" + (ProfileBuilder.MaxRecentPages + 4), profile.RecentPages[^1]);
    }

    [Fact]
    public void CustomEvents_AreCountedByName_PreferencesAreNot()
    {
        var profile = VisitorProfile.CreateNew("v1");
        _builder.Apply(profile, ProfileBuilderTests.Event(T0, VisitorEventType.Custom, name: "video-played"));
        _builder.Apply(profile, ProfileBuilderTests.Event(T0.AddMinutes(1), VisitorEventType.Custom, name: "Video-Played"));
        _builder.Apply(profile, ProfileBuilderTests.Event(T0.AddMinutes(2), VisitorEventType.Custom, name: "preference",
            properties: new Dictionary<string, string> { ["persona"] = "developer" }));

        _builder.Apply(profile, ProfileBuilderTests.Event(T0.AddMinutes(3), VisitorEventType.Custom, name: "preference")); // no properties

        Assert.Equal(2, profile.CustomEvents["video-played"]);
        Assert.False(profile.CustomEvents.ContainsKey("preference"));
    }

    [Fact]
    public void Attributes_ExposeVisitedPagesEventsAndVisitSegments_VisitSegmentsEmptyOnANewVisit()
    {
        var profile = VisitorProfile.CreateNew("v1");
        _builder.Apply(profile, Page(T0, "/bikes"));
        _builder.Apply(profile, ProfileBuilderTests.Event(T0, VisitorEventType.Custom, name: "video-played"));
        profile.VisitSegments.Add("spring");

        var sameVisit = Attributes(profile, T0.AddMinutes(5));
        var nextVisit = Attributes(profile, T0.AddHours(2));

        Assert.True(Condition.Parse("""{"visitedPages": {"$elemMatch": {"$eq": "/bikes"}}, "events.video-played": 1}""").IsMatch(sameVisit));
        Assert.True(Condition.Parse("""{"visitSegments": {"$elemMatch": {"$eq": "spring"}}}""").IsMatch(sameVisit));
        Assert.False(Condition.Parse("""{"visitSegments": {"$elemMatch": {"$eq": "spring"}}}""").IsMatch(nextVisit));
    }

    private static VisitorAttributes Attributes(VisitorProfile profile, DateTimeOffset at) => VisitorAttributes.Create(
        new VisitorContext(profile, new RequestContext { Timestamp = at }, ConsentState.Undecided),
        new ProfileOptions());

    private static VisitorEvent Page(DateTimeOffset at, string url) => ProfileBuilderTests.Event(at) with { Url = url };
}
