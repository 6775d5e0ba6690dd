using UmbracoPersonalization.Site.Tests.Infrastructure;

namespace UmbracoPersonalization.Site.Tests;

public sealed class ConsentBannerTests : IDisposable
{
    private const string ConsentEndpoint = "/umbraco/personalization/api/consent";

    private readonly TempFolder _data = new();
    private readonly SiteFactory _site;

    public ConsentBannerTests() => _site = new SiteFactory(_data.Path);

    [Fact]
    public async Task FirstVisit_ShowsAnAccessibleBannerPostingToTheConsentEndpoint()
    {
        var page = await _site.CreateClient().GetPageAsync("/bikes/");

        var banner = page.QuerySelector("[data-consent-banner]");
        Assert.NotNull(banner);
        var heading = banner.QuerySelector("#consent-title");
        Assert.Equal("consent-title", banner.GetAttribute("aria-labelledby"));
        Assert.NotNull(heading);

        var form = banner.QuerySelector("form");
        Assert.Equal("post", form?.GetAttribute("method"));
        Assert.Equal(ConsentEndpoint, form?.GetAttribute("action"));
        Assert.Equal("/bikes/", form?.QuerySelector("input[name='returnUrl']")?.GetAttribute("value"));

        var buttons = banner.QuerySelectorAll("button").Select(b => Html.Normalize(b.TextContent)).ToList();
        Assert.Contains("Accept all", buttons);
        Assert.Contains("Necessary only", buttons);
        Assert.Contains("Save my choices", buttons);

        // Every purpose checkbox sits inside its label, so it has an accessible name.
        foreach (var box in banner.QuerySelectorAll("input[type='checkbox']"))
        {
            Assert.Equal("LABEL", box.ParentElement?.TagName);
        }

        Assert.Equal(
            ["analytics", "personalization", "marketing"],
            banner.QuerySelectorAll("input[type='checkbox'][name='purposes']").Select(b => b.GetAttribute("value")));
    }

    [Fact]
    public async Task PrivacySettingsPage_AlwaysShowsTheFormInline()
    {
        var page = await _site.CreateClient().GetPageAsync("/privacy-settings");

        Assert.NotNull(page.QuerySelector("main .consent--inline form"));
    }

    public void Dispose()
    {
        _site.Dispose();
        _data.Dispose();
    }
}
