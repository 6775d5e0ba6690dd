using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Tests.Visitors;

public class ProfileBuilderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ProfileBuilder _builder = new(new ProfileOptions());

    internal static VisitorEvent Event(
        DateTimeOffset at,
        VisitorEventType type = VisitorEventType.PageView,
        string? name = null,
        string[]? categories = null,
        string[]? tags = null,
        string? referrer = null,
        UtmParameters? utm = null,
        IReadOnlyDictionary<string, string>? properties = null,
        DeviceClass device = DeviceClass.Desktop) => new()
        {
            Id = Guid.NewGuid(),
            VisitorId = "v1",
            Type = type,
            Timestamp = at,
            Name = name,
            Url = "/",
            Referrer = referrer,
            Utm = utm,
            Device = device,
            Language = "nl-NL",
            Country = "NL",
            Categories = categories ?? [],
            Tags = tags ?? [],
            Properties = properties,
        };

    [Fact]
    public void Apply_FirstPageView_StartsFirstVisit()
    {
        var profile = VisitorProfile.CreateNew("v1");

        Assert.True(_builder.Apply(profile, Event(T0, referrer: "https://google.com/")));

        Assert.Equal(1, profile.Visits);
        Assert.Equal(1, profile.PageViews);
        Assert.Equal(1, profile.VisitPageViews);
        Assert.Equal(T0, profile.FirstSeen);
        Assert.Equal(T0, profile.LastSeen);
        Assert.Equal(T0, profile.VisitStartedAt);
        Assert.Equal("https://google.com/", profile.FirstReferrer);
        Assert.Equal(DeviceClass.Desktop, profile.Device);
        Assert.Equal("nl-NL", profile.Language);
        Assert.Equal("NL", profile.Country);
        Assert.Equal(LifecycleStage.New, profile.Stage);
    }

    [Fact]
    public void Apply_JustUnderSessionTimeout_StaysInVisit()
    {
        var profile = VisitorProfile.CreateNew("v1");
        _builder.Apply(profile, Event(T0));

        _builder.Apply(profile, Event(T0.AddMinutes(30).AddSeconds(-1)));

        Assert.Equal(1, profile.Visits);
        Assert.Equal(2, profile.VisitPageViews);
    }

    [Fact]
    public void Apply_AtSessionTimeout_StartsNewVisit()
    {
        var profile = VisitorProfile.CreateNew("v1");
        _builder.Apply(profile, Event(T0, referrer: "https://a.example/"));

        _builder.Apply(profile, Event(T0.AddMinutes(30), referrer: "https://b.example/"));

        Assert.Equal(2, profile.Visits);
        Assert.Equal(1, profile.VisitPageViews);
        Assert.Equal(2, profile.PageViews);
        Assert.Equal(T0.AddMinutes(30), profile.VisitStartedAt);
        Assert.Equal("https://a.example/", profile.FirstReferrer);
        Assert.Equal("https://b.example/", profile.LastReferrer);
        Assert.Equal(LifecycleStage.Engaged, profile.Stage);
    }

    [Fact]
    public void Apply_InactivityMeasuredFromLastEvent_NotVisitStart()
    {
        var profile = VisitorProfile.CreateNew("v1");
        for (var minute = 0; minute <= 120; minute += 20)
        {
            _builder.Apply(profile, Event(T0.AddMinutes(minute)));
        }

        Assert.Equal(1, profile.Visits);
        Assert.Equal(7, profile.PageViews);
    }

    [Fact]
    public void Apply_OutOfOrderEvent_DoesNotMoveLastSeenBack()
    {
        var profile = VisitorProfile.CreateNew("v1");
        _builder.Apply(profile, Event(T0));

        _builder.Apply(profile, Event(T0.AddMinutes(-5)));

        Assert.Equal(T0, profile.LastSeen);
        Assert.Equal(T0.AddMinutes(-5), profile.FirstSeen);
        Assert.Equal(1, profile.Visits);
    }

    [Fact]
    public void Apply_Utm_KeepsFirstAndLatest()
    {
        var profile = VisitorProfile.CreateNew("v1");
        _builder.Apply(profile, Event(T0, utm: new UtmParameters("news", Campaign: "spring")));
        _builder.Apply(profile, Event(T0.AddMinutes(1)));
        _builder.Apply(profile, Event(T0.AddDays(1), utm: new UtmParameters("ads", Campaign: "summer")));

        Assert.Equal("spring", profile.FirstUtm!.Campaign);
        Assert.Equal("summer", profile.LastUtm!.Campaign);
    }

    [Fact]
    public void Apply_PageViews_RaiseDecayedInterest()
    {
        var profile = VisitorProfile.CreateNew("v1");
        _builder.Apply(profile, Event(T0, categories: ["bikes"], tags: ["city"]));
        _builder.Apply(profile, Event(T0.AddDays(7), categories: ["bikes", "Helmets"]));

        Assert.Equal(1.5, profile.CategoryInterests["bikes"].Score, 9);
        Assert.Equal(1.0, profile.CategoryInterests["helmets"].Score, 9);
        Assert.Equal(1.0, profile.TagInterests["city"].Score, 9);
    }

    [Fact]
    public void Apply_Click_AddsClickInterestButNoPageView()
    {
        var profile = VisitorProfile.CreateNew("v1");
        _builder.Apply(profile, Event(T0, VisitorEventType.Click, categories: ["bikes"]));

        Assert.Equal(0, profile.PageViews);
        Assert.Equal(0.5, profile.CategoryInterests["bikes"].Score, 9);
    }

    [Fact]
    public void Apply_ManyCategories_KeepsStrongestUpToMax()
    {
        var builder = new ProfileBuilder(new ProfileOptions { MaxInterests = 2 });
        var profile = VisitorProfile.CreateNew("v1");
        builder.Apply(profile, Event(T0, categories: ["a", "b"]));
        builder.Apply(profile, Event(T0.AddMinutes(1), categories: ["b"]));
        builder.Apply(profile, Event(T0.AddMinutes(2), categories: ["c"]));

        Assert.Equal(2, profile.CategoryInterests.Count);
        Assert.Contains("b", profile.CategoryInterests.Keys);
        Assert.Contains("c", profile.CategoryInterests.Keys);
    }

    [Fact]
    public void Apply_Goal_CountsByAlias()
    {
        var profile = VisitorProfile.CreateNew("v1");
        _builder.Apply(profile, Event(T0, VisitorEventType.Goal, "newsletter"));
        _builder.Apply(profile, Event(T0.AddMinutes(1), VisitorEventType.Goal, "Newsletter"));

        Assert.Equal(new GoalRecord(2, T0, T0.AddMinutes(1)), profile.Goals["newsletter"]);
    }

    [Fact]
    public void Apply_PreferenceEvent_SetsAndRemovesPreferences()
    {
        var profile = VisitorProfile.CreateNew("v1");
        _builder.Apply(profile, Event(T0, VisitorEventType.Custom, "preference", properties: new Dictionary<string, string> { ["firstName"] = "Ann", ["interest"] = "bikes" }));
        _builder.Apply(profile, Event(T0.AddMinutes(1), VisitorEventType.Custom, "preference", properties: new Dictionary<string, string> { ["interest"] = "" }));

        Assert.Equal("Ann", profile.Preferences["firstname"]);
        Assert.False(profile.Preferences.ContainsKey("interest"));
    }

    [Fact]
    public void Apply_OtherCustomEvent_IgnoresProperties()
    {
        var profile = VisitorProfile.CreateNew("v1");
        _builder.Apply(profile, Event(T0, VisitorEventType.Custom, "video-play", properties: new Dictionary<string, string> { ["firstName"] = "Ann" }));

        Assert.Empty(profile.Preferences);
    }

    [Fact]
    public void SetPreference_TooLongOrTooMany_IsIgnored()
    {
        var builder = new ProfileBuilder(new ProfileOptions { MaxPreferences = 1, MaxPreferenceLength = 5 });
        var profile = VisitorProfile.CreateNew("v1");

        Assert.True(builder.SetPreference(profile, "a", "12345"));
        Assert.False(builder.SetPreference(profile, "b", "1"));
        Assert.False(builder.SetPreference(profile, "a", "123456"));
        Assert.True(builder.SetPreference(profile, "a", "x"));
        Assert.Equal("x", profile.Preferences["a"]);
    }

    [Fact]
    public void Apply_BotEvent_IsIgnored()
    {
        var profile = VisitorProfile.CreateNew("v1");
        Assert.False(_builder.Apply(profile, Event(T0, device: DeviceClass.Bot)));
        Assert.Equal(0, profile.Visits);
    }

    [Theory]
    [InlineData(1, 0, LifecycleStage.New)]
    [InlineData(2, 0, LifecycleStage.Engaged)]
    [InlineData(4, 0, LifecycleStage.Engaged)]
    [InlineData(5, 0, LifecycleStage.Loyal)]
    [InlineData(1, 20, LifecycleStage.New)]
    [InlineData(2, 13.99, LifecycleStage.Engaged)]
    [InlineData(2, 14, LifecycleStage.AtRisk)]
    [InlineData(5, 14, LifecycleStage.AtRisk)]
    [InlineData(5, 59.99, LifecycleStage.AtRisk)]
    [InlineData(5, 60, LifecycleStage.Lapsed)]
    [InlineData(1, 60, LifecycleStage.Lapsed)]
    [InlineData(0, 100, LifecycleStage.New)]
    public void ComputeStage_VisitsAndAbsence_GivesStage(int visits, double daysAbsent, LifecycleStage expected)
    {
        var profile = new VisitorProfile { VisitorId = "v1", Visits = visits, LastSeen = T0 };
        Assert.Equal(expected, _builder.ComputeStage(profile, T0.AddDays(daysAbsent)));
    }

    [Fact]
    public void Apply_ReturnAfterLapse_IsEngagedAgain()
    {
        var profile = VisitorProfile.CreateNew("v1");
        _builder.Apply(profile, Event(T0));
        _builder.Apply(profile, Event(T0.AddDays(90)));

        Assert.Equal(LifecycleStage.Engaged, profile.Stage);
    }

    [Fact]
    public void CreateTransient_FromRequest_HoldsOneVisitAndNoId()
    {
        var request = new RequestContext
        {
            Timestamp = T0,
            Referrer = "https://google.com/",
            Utm = new UtmParameters("news"),
            Device = DeviceClass.Mobile,
            Categories = ["bikes"],
        };

        var profile = _builder.CreateTransient(request);

        Assert.Equal(string.Empty, profile.VisitorId);
        Assert.Equal(1, profile.Visits);
        Assert.Equal(1, profile.PageViews);
        Assert.Equal("news", profile.FirstUtm!.Source);
        Assert.Equal(DeviceClass.Mobile, profile.Device);
        Assert.Equal(1.0, profile.CategoryInterests["bikes"].Score);
        Assert.Equal(0, profile.Version);
    }
}
