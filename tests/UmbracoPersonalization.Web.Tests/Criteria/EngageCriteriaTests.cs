using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Web.Tests.Criteria;

/// <summary>Umbraco Engage's segment parameters as conditions over the documented attribute names.</summary>
public sealed class EngageCriteriaTests
{
    [Fact]
    public void Persona_Preference_MatchesPersona()
    {
        var harness = new CriteriaHarness();
        harness.Profile.Preferences["persona"] = "developer";

        Assert.True(harness.Matches("""{"persona": "developer"}"""));
        Assert.False(new CriteriaHarness().Matches("""{"persona": {"$exists": true}}"""));
    }

    [Fact]
    public void JourneyStage_LifecycleStage_MatchesJourneyStage()
    {
        var harness = new CriteriaHarness();
        harness.Profile.Stage = LifecycleStage.Loyal;
        Assert.True(harness.Matches("""{"journeyStage": "loyal"}"""));

        var chosen = new CriteriaHarness();
        chosen.Profile.Preferences["journeyStage"] = "decision";
        Assert.True(chosen.Matches("""{"journeyStage": "decision"}"""));
    }

    [Fact]
    public void Browser_UserAgent_MatchesBrowserFamily()
    {
        var firefox = new CriteriaHarness();
        firefox.Http.Request.Headers.UserAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
        var edge = new CriteriaHarness();
        edge.Http.Request.Headers.UserAgent = TestSite.TestSite.BrowserUserAgent + " Edg/140.0";

        Assert.True(firefox.Matches("""{"browser": "firefox"}"""));
        Assert.True(edge.Matches("""{"browser": "edge"}"""));
        Assert.True(new CriteriaHarness().Matches("""{"browser": "chrome"}"""));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Mobile Safari/537.36 EdgA/140.0", "edge")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 EdgiOS/140.0 Mobile/15E148 Safari/605.1.15", "edge")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/605.1.15 OPT/5.0", "opera")]
    public void Browser_MobileEdgeAndOpera_AreNamedForWhatTheyAre(string userAgent, string family)
    {
        var harness = new CriteriaHarness();
        harness.Http.Request.Headers.UserAgent = userAgent;

        Assert.True(harness.Matches($$"""{"browser": "{{family}}"}"""));
    }

    [Fact]
    public void DeviceType_Request_MatchesDevice()
    {
        var harness = new CriteriaHarness();
        harness.Request = harness.Request with { Device = DeviceClass.Mobile };

        Assert.True(harness.Matches("""{"device": "mobile"}"""));
        Assert.False(harness.Matches("""{"device": "desktop"}"""));
    }

    [Fact]
    public void NumberOfSessions_Profile_MatchesSessions()
    {
        var harness = new CriteriaHarness();
        harness.Profile.Visits = 4;

        Assert.True(harness.Matches("""{"sessions": {"$gte": 4}}"""));
        Assert.False(new CriteriaHarness().Matches("""{"sessions": {"$gte": 4}}"""));
    }

    [Fact]
    public void GoalsReached_Profile_MatchesGoalsReachedAndCounts()
    {
        var harness = new CriteriaHarness();
        harness.Profile.Goals["newsletter"] = new GoalRecord(2, harness.Request.Timestamp, harness.Request.Timestamp);

        Assert.True(harness.Matches("""{"goalsReached": {"$elemMatch": {"$eq": "newsletter"}}, "goals.newsletter": {"$gte": 2}}"""));
        Assert.False(new CriteriaHarness().Matches("""{"goalsReached": {"$elemMatch": {"$eq": "newsletter"}}}"""));
    }

    [Fact]
    public void Campaign_RequestElseLatestVisit_MatchesCampaign()
    {
        var harness = new CriteriaHarness();
        harness.Profile.LastUtm = new UtmParameters("newsletter", "email", "spring", null, null);

        Assert.True(harness.Matches("""{"campaign": "spring"}"""));
        Assert.False(new CriteriaHarness().Matches("""{"campaign": {"$exists": true}}"""));
    }

    [Fact]
    public void VisitedPages_RecentPaths_MatchVisitedPages()
    {
        var harness = new CriteriaHarness();
        harness.Profile.RecentPages.AddRange(["/bikes/gravel-one", "/shop"]);

        Assert.True(harness.Matches("""{"visitedPages": {"$elemMatch": {"$regex": "^/bikes/"}}}"""));
        Assert.False(new CriteriaHarness().Matches("""{"visitedPages": {"$elemMatch": {"$regex": "^/bikes/"}}}"""));
    }

    [Fact]
    public void EventTriggered_CustomEventCount_MatchesEvents()
    {
        var harness = new CriteriaHarness();
        harness.Profile.CustomEvents["video-played"] = 2;

        Assert.True(harness.Matches("""{"events.video-played": {"$gte": 1}}"""));
        Assert.False(new CriteriaHarness().Matches("""{"events.video-played": {"$gte": 1}}"""));
    }
}
