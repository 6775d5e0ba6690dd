using Microsoft.Extensions.Logging.Abstractions;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Web.Tests.Criteria;

/// <summary>Personalisation Groups' "match for visitor" stickiness, through the worker's profile updates.</summary>
public sealed class StickinessTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void VisitorStickiness_SelfReferencingSegment_StaysAfterTheRuleStopsMatching()
    {
        var updater = Updater(
            new SegmentDefinition(
                "spring-fans",
                "Spring fans (sticky)",
                """{"$or": [{"utm.campaign": "spring"}, {"segments": {"$elemMatch": {"$eq": "spring-fans"}}}]}"""),
            new SegmentDefinition("spring-now", "Spring now", """{"utm.campaign": "spring"}"""));
        var profile = VisitorProfile.CreateNew("v1");

        updater.Apply(profile, Event(At, "spring"));
        updater.Apply(profile, Event(At.AddDays(40), "autumn")); // a later visit, another campaign

        Assert.Contains("spring-fans", profile.Segments);
        Assert.DoesNotContain("spring-now", profile.Segments);
    }

    [Fact]
    public void SessionStickiness_SelfReferencingVisitSegment_StaysForTheVisitOnly()
    {
        var updater = Updater(
            new SegmentDefinition(
                "spring-session",
                "Spring this visit",
                """{"$or": [{"utm.campaign": "spring"}, {"visitSegments": {"$elemMatch": {"$eq": "spring-session"}}}]}"""));
        var profile = VisitorProfile.CreateNew("v1");

        updater.Apply(profile, Event(At, "spring"));
        updater.Apply(profile, Event(At.AddMinutes(5), "autumn")); // same visit
        var duringVisit = profile.Segments.Contains("spring-session");
        updater.Apply(profile, Event(At.AddHours(3), "autumn")); // a new visit

        Assert.True(duringVisit);
        Assert.DoesNotContain("spring-session", profile.Segments);
    }

    private static ProfileUpdater Updater(params SegmentDefinition[] segments)
    {
        var holder = new DefinitionSnapshotHolder();
        holder.Update(new DefinitionSet(segments, [], 1));
        return new ProfileUpdater(new ProfileBuilder(new ProfileOptions()), holder, [], NullLogger<ProfileUpdater>.Instance);
    }

    private static VisitorEvent Event(DateTimeOffset at, string campaign) => new()
    {
        Id = Guid.NewGuid(),
        VisitorId = "v1",
        Type = VisitorEventType.PageView,
        Timestamp = at,
        Url = "/",
        Utm = new UtmParameters(Campaign: campaign),
    };
}
