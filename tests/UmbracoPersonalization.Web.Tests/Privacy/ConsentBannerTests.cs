using System.Net;
using AngleSharp.Html.Dom;
using UmbracoPersonalization.Web.Tests.TestSite;
using static UmbracoPersonalization.Web.Tests.TestSite.HttpAssertions;

namespace UmbracoPersonalization.Web.Tests.Privacy;

/// <summary>The package's accessible consent banner.</summary>
public sealed class ConsentBannerTests(DefaultSiteFixture fixture) : IClassFixture<DefaultSiteFixture>
{
    [Fact]
    public async Task Undecided_ShowsALabelledRegion_WithEveryControlLabelled()
    {
        using var client = fixture.Site.CreateCookieClient();

        var page = await (await client.GetAsync("/preferences")).ReadHtmlAsync();

        var banner = page.QuerySelector("section.up-consent")!;
        Assert.Equal("region", banner.GetAttribute("role"));
        Assert.Equal("Your privacy choices", page.GetElementById(banner.GetAttribute("aria-labelledby")!)!.TextContent);
        var checkboxes = banner.QuerySelectorAll("input[type=checkbox]");
        Assert.Equal(["analytics", "personalization", "marketing"], checkboxes.Select(c => c.GetAttribute("value")));
        Assert.All(checkboxes, c => Assert.NotNull(banner.QuerySelector($"label[for='{c.Id}']")));

        var forms = banner.QuerySelectorAll("form");
        Assert.Equal(2, forms.Length);
        Assert.All(forms, f => Assert.Equal("/umbraco/personalization/api/consent", f.GetAttribute("action")));
        Assert.Equal(["all", "necessary"], banner.QuerySelectorAll(".up-consent__quick button").Select(b => b.GetAttribute("value")));
        Assert.Equal("/privacy", banner.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task AfterAChoice_TheBannerIsGone()
    {
        using var client = fixture.Site.CreateCookieClient();
        Assert.Equal(HttpStatusCode.SeeOther, (await client.PostConsentAsync(Form(("purposes", "necessary"), ("returnUrl", "/preferences")))).StatusCode);

        var page = await (await client.GetAsync("/preferences")).ReadHtmlAsync();

        Assert.Null(page.QuerySelector("section.up-consent"));
    }

    [Fact]
    public async Task WithGlobalPrivacyControl_MarketingIsDisabledAndExplained()
    {
        using var client = fixture.Site.CreateCookieClient();

        var page = await (await client.GetAsync("/preferences", r => r.Headers.Add("Sec-GPC", "1"))).ReadHtmlAsync();

        var marketing = (IHtmlInputElement)page.GetElementById("up-consent-marketing")!;
        Assert.True(marketing.IsDisabled);
        Assert.Contains("Global Privacy Control", page.GetElementById("up-consent-marketing-help")!.TextContent, StringComparison.Ordinal);
    }
}
