using System.Net;
using UmbracoPersonalization.Site.Tests.Infrastructure;

namespace UmbracoPersonalization.Site.Tests.Acceptance;

/// <summary>Visitors who have not consented: contextual personalization only, nothing stored, no tracking cookie.</summary>
public sealed class AnonymousVisitorTests : IDisposable
{
    private readonly TempFolder _data = new();
    private readonly SiteFactory _site;

    public AnonymousVisitorTests() => _site = new SiteFactory(_data.Path);

    [Fact]
    public async Task FirstVisit_WithoutConsent_GetsTheDefaultHeroAndNoCookie()
    {
        var client = Visitor.AsBrowser(_site.CreateClient(new() { HandleCookies = false }));

        using var response = await client.GetAsync("/");
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("default", Visitor.HeroVariant(page));
        Assert.Equal("Gear for every kind of outside", Html.Normalize(page.QuerySelector(".hero__title")?.TextContent));
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        Assert.DoesNotContain(cookies, c => !c.StartsWith(Visitor.ConsentCookie + "=", StringComparison.Ordinal));
        Assert.Equal(0, Directory.EnumerateFiles(_data.Path, "*.db").Sum(ProfileDatabase.CountProfiles));
    }

    [Fact]
    public async Task SpringCampaignLink_WithoutConsent_GetsTheSpringHero()
    {
        var page = await Visitor.AsBrowser(_site.CreateClient()).GetPageAsync("/?utm_source=newsletter&utm_campaign=spring");

        Assert.Equal("spring", Visitor.HeroVariant(page));
        Assert.Equal("Spring into the season", Html.Normalize(page.QuerySelector(".hero__title")?.TextContent));
    }

    [Fact]
    public async Task OtherCampaign_GetsTheDefaultHero()
    {
        var page = await Visitor.AsBrowser(_site.CreateClient()).GetPageAsync("/?utm_campaign=autumn");

        Assert.Equal("default", Visitor.HeroVariant(page));
    }

    [Fact]
    public async Task PreviewSwitch_InDevelopment_ShowsThePreviewedSegmentsHero()
    {
        var page = await Visitor.AsBrowser(_site.CreateClient()).GetPageAsync("/?up-preview=camping-fans");

        Assert.Equal("camping", Visitor.HeroVariant(page));
    }

    [Fact]
    public async Task PreviewSwitch_InProduction_IsIgnored()
    {
        using var production = new SiteFactory(
            _data.Path,
            new Dictionary<string, string?> { ["Umbraco:Personalization:PreviewEnabled"] = "true" },
            environment: "Production");

        var page = await Visitor.AsBrowser(production.CreateClient()).GetPageAsync("/?up-preview=camping-fans");

        Assert.Equal("default", Visitor.HeroVariant(page));
    }

    [Fact]
    public async Task HomeCallToAction_GreetsWithTheLiquidTemplate()
    {
        var page = await Visitor.AsBrowser(_site.CreateClient()).GetPageAsync("/");

        var cta = page.QuerySelector("[data-placement='home-cta'] [data-up-placement='home-cta']");
        Assert.NotNull(cta);
        Assert.Equal("greeting", cta.GetAttribute("data-up-variant"));
        Assert.Matches(@"^Good (morning|afternoon|evening)! Join the newsletter", Html.Normalize(cta.QuerySelector(".up-cta__text")?.TextContent));
        Assert.Equal("/journal/", cta.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task ProductPage_ReturningVisitorNotice_OnlyForReturningVisitors()
    {
        var client = Visitor.AsBrowser(_site.CreateClient());

        var asNew = await client.GetPageAsync("/bikes/gravel-one/");
        var asReturning = await client.GetPageAsync("/bikes/gravel-one/?up-preview=returning-visitors");

        Assert.Null(asNew.QuerySelector(".product .notice"));
        Assert.Contains("Welcome back", asReturning.QuerySelector(".product .notice")?.TextContent, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _site.Dispose();
        _data.Dispose();
    }
}
