using System.Security.Claims;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Web.Tests.Criteria;

/// <summary>
/// Every criterion of Umbraco Personalisation Groups, and every segment parameter of Umbraco Engage, expressed as a
/// condition over the documented attribute names (README "Criteria"). Each test also checks the negative case.
/// </summary>
public sealed class PersonalisationGroupsCriteriaTests
{
    [Fact]
    public void AuthenticationStatus_SignedInMember_MatchesAuthenticated()
    {
        Assert.False(new CriteriaHarness().Matches("""{"authenticated": true}"""));
        Assert.True(new CriteriaHarness().SignIn(new Claim(ClaimTypes.Name, "ann")).Matches("""{"authenticated": true}"""));
    }

    [Fact]
    public void MemberGroup_RoleClaim_MatchesMemberGroups()
    {
        const string condition = """{"memberGroups": {"$elemMatch": {"$eq": "Gold"}}}""";
        Assert.True(new CriteriaHarness().SignIn(new Claim(ClaimTypes.Role, "Gold")).Matches(condition));
        Assert.False(new CriteriaHarness().SignIn(new Claim(ClaimTypes.Role, "Silver")).Matches(condition));
    }

    [Fact]
    public void MemberType_ConfiguredClaim_MatchesMemberType()
    {
        const string condition = """{"memberType": "premiumMember"}""";
        Assert.True(new CriteriaHarness().SignIn(new Claim("up:memberType", "premiumMember")).Matches(condition));
        Assert.False(new CriteriaHarness().Matches(condition));
    }

    [Fact]
    public void MemberProfileField_AllowListedClaim_MatchesMemberField()
    {
        var harness = new CriteriaHarness().SignIn(new Claim("favouriteColour", "green"), new Claim("secret", "x"));
        harness.Criteria.MemberProfileClaims = ["favouriteColour"];

        Assert.True(harness.Matches("""{"member.favouriteColour": "green"}"""));
        Assert.False(harness.Matches("""{"member.secret": {"$exists": true}}"""));
    }

    [Fact]
    public void Country_FromRequest_MatchesCountry()
    {
        var harness = new CriteriaHarness();
        harness.Request = harness.Request with { Country = "NL" };

        Assert.True(harness.Matches("""{"country": {"$in": ["NL", "BE"]}}"""));
        Assert.False(harness.Matches("""{"country": "DE"}"""));
    }

    [Fact]
    public void Region_ConfiguredCdnHeader_MatchesRegion()
    {
        var harness = new CriteriaHarness();
        harness.Criteria.RegionHeader = "CloudFront-Viewer-Country-Region";
        harness.Http.Request.Headers["CloudFront-Viewer-Country-Region"] = "ca";

        Assert.True(harness.Matches("""{"region": "CA"}"""));
        Assert.False(new CriteriaHarness().Matches("""{"region": "CA"}"""));
    }

    [Fact]
    public void Continent_ConfiguredCdnHeader_MatchesContinentAndRejectsJunk()
    {
        var harness = new CriteriaHarness();
        harness.Criteria.ContinentHeader = "CF-IPContinent";
        harness.Http.Request.Headers["CF-IPContinent"] = "EU";
        Assert.True(harness.Matches("""{"continent": "EU"}"""));

        var junk = new CriteriaHarness();
        junk.Criteria.ContinentHeader = "CF-IPContinent";
        junk.Http.Request.Headers["CF-IPContinent"] = "XX";
        Assert.False(junk.Matches("""{"continent": {"$exists": true}}"""));
    }

    [Fact]
    public void Cookie_AllowListed_MatchesCookieValue_OthersInvisible()
    {
        var harness = new CriteriaHarness();
        harness.Criteria.Cookies = ["plan"];
        harness.Http.Request.Headers.Cookie = "plan=pro; .AspNetCore.Identity.Application=secret";

        Assert.True(harness.Matches("""{"cookies.plan": "pro"}"""));
        Assert.False(harness.Matches("""{"cookies..AspNetCore.Identity.Application": {"$exists": true}}"""));
    }

    [Fact]
    public void SessionValue_AllowListedKey_MatchesSessionValue()
    {
        var harness = new CriteriaHarness().WithSession("basket", "full");
        harness.Criteria.SessionKeys = ["basket"];

        Assert.True(harness.Matches("""{"session.basket": "full"}"""));
        Assert.False(new CriteriaHarness().WithSession("basket", "full").Matches("""{"session.basket": "full"}"""));
    }

    [Fact]
    public void QueryString_Value_MatchesQuery()
    {
        var harness = new CriteriaHarness();
        harness.Request = harness.Request with { Query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["ref"] = "mail" } };

        Assert.True(harness.Matches("""{"query.ref": "mail"}"""));
        Assert.False(harness.Matches("""{"query.ref": "ad"}"""));
    }

    [Fact]
    public void Host_LowerCaseWithoutPort_MatchesHost()
    {
        Assert.True(new CriteriaHarness().Matches("""{"host": "shop.example.com"}"""));
        Assert.False(new CriteriaHarness().Matches("""{"host": "www.example.com"}"""));
    }

    [Fact]
    public void Referrer_HostAndUrl_MatchReferrer()
    {
        var harness = new CriteriaHarness();
        harness.Request = harness.Request with { Referrer = "https://www.google.com/search?q=bikes" };

        Assert.True(harness.Matches("""{"referrerHost": "www.google.com", "referrer": {"$regex": "q=bikes"}}"""));
        Assert.False(new CriteriaHarness().Matches("""{"referrerHost": "www.google.com"}"""));
    }

    [Fact]
    public void DayOfWeek_SiteTimeZone_MatchesNameAndNumber()
    {
        Assert.True(new CriteriaHarness().Matches("""{"dayOfWeek": "monday", "weekday": 1}"""));
        Assert.False(new CriteriaHarness().Matches("""{"dayOfWeek": {"$in": ["saturday", "sunday"]}}"""));
    }

    [Fact]
    public void MonthOfYear_SiteTimeZone_MatchesMonth()
    {
        Assert.True(new CriteriaHarness().Matches("""{"month": 12}"""));
        Assert.False(new CriteriaHarness().Matches("""{"month": {"$in": [6, 7, 8]}}"""));
    }

    [Fact]
    public void TimeOfDay_SiteTimeZone_MatchesMinuteRange()
    {
        // 10:30 in the site's zone; 09:30-17:00 is minutes 570-1020.
        Assert.True(new CriteriaHarness().Matches("""{"minuteOfDay": {"$gte": 570, "$lt": 1020}, "hour": 10}"""));
        Assert.False(new CriteriaHarness().Matches("""{"minuteOfDay": {"$gte": 1080}}"""));
    }

    [Fact]
    public void NumberOfVisits_Profile_MatchesVisits()
    {
        var harness = new CriteriaHarness();
        harness.Profile.Visits = 3;

        Assert.True(harness.Matches("""{"visits": {"$gte": 3}}"""));
        Assert.False(new CriteriaHarness().Matches("""{"visits": {"$gte": 3}}"""));
    }

    [Fact]
    public void PagesViewed_Profile_MatchesPageViews()
    {
        var harness = new CriteriaHarness();
        harness.Profile.PageViews = 12;

        Assert.True(harness.Matches("""{"pageViews": {"$gt": 10}}"""));
        Assert.False(new CriteriaHarness().Matches("""{"pageViews": {"$gt": 10}}"""));
    }

    [Fact]
    public void VisitorStickiness_StoredMembership_MatchesSegments()
    {
        var harness = new CriteriaHarness();
        harness.Profile.Segments.Add("bike-fans");

        Assert.True(harness.Matches("""{"$or": [{"interests.bikes": {"$gt": 3}}, {"segments": {"$elemMatch": {"$eq": "bike-fans"}}}]}"""));
        Assert.False(new CriteriaHarness().Matches("""{"segments": {"$elemMatch": {"$eq": "bike-fans"}}}"""));
    }
}
