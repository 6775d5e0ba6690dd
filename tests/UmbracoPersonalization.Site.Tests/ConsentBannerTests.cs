using UmbracoPersonalization.Site.Tests.Infrastructure;

namespace UmbracoPersonalization.Site.Tests;

/// <summary>The layout renders the package's consent banner (<c>&lt;vc:personalization-consent /&gt;</c>).</summary>
public sealed class ConsentBannerTests : IDisposable
{
    private const string ConsentEndpoint = "/umbraco/personalization/api/consent";

    private readonly TempFolder _data = new();
    private readonly SiteFactory _site;

    public ConsentBannerTests() => _site = new SiteFactory(_data.Path);

    [Fact]
    public async Task FirstVisit_ShowsThePackagesAccessibleBannerPostingToTheConsentEndpoint()
    {
        var page = await _site.CreateClient().GetPageAsync("/bikes/");

        var banner = page.QuerySelector("section.up-consent");
        Assert.NotNull(banner);
        Assert.Equal("region", banner.GetAttribute("role"));
        Assert.Equal("Your privacy choices", Html.Normalize(page.GetElementById(banner.GetAttribute("aria-labelledby")!)?.TextContent));
        Assert.Equal("/privacy-settings", banner.QuerySelector("a")?.GetAttribute("href"));

        var forms = banner.QuerySelectorAll("form");
        Assert.Equal(2, forms.Length);
        Assert.All(forms, form =>
        {
            Assert.Equal("post", form.GetAttribute("method"));
            Assert.Equal(ConsentEndpoint, form.GetAttribute("action"));
            Assert.Equal("/bikes/", form.QuerySelector("input[name='returnUrl']")?.GetAttribute("value"));
        });

        var buttons = banner.QuerySelectorAll("button").Select(b => Html.Normalize(b.TextContent)).ToList();
        Assert.Equal(["Accept all", "Only necessary", "Save my choices"], buttons);

        // Every purpose checkbox has a label pointing at it, so it has an accessible name.
        var boxes = banner.QuerySelectorAll("input[type='checkbox'][name='purposes']");
        Assert.Equal(["analytics", "personalization", "marketing"], boxes.Select(b => b.GetAttribute("value")));
        Assert.All(boxes, box => Assert.NotNull(banner.QuerySelector($"label[for='{box.Id}']")));
    }

    [Fact]
    public async Task AfterAChoice_TheBannerIsGone()
    {
        var visitor = new Visitor();
        var client = visitor.ClientFor(_site);
        (await Visitor.ConsentAsync(client, "necessary")).EnsureSuccessStatusCode();

        var page = await client.GetPageAsync("/");

        Assert.Null(page.QuerySelector(".up-consent"));
    }

    [Fact]
    public async Task PrivacySettingsPage_AlwaysShowsTheConsentChoices()
    {
        var page = await _site.CreateClient().GetPageAsync("/privacy-settings");

        var settings = page.QuerySelector("main [data-consent-settings]");
        Assert.NotNull(settings);
        Assert.All(settings.QuerySelectorAll("form"), f => Assert.Equal(ConsentEndpoint, f.GetAttribute("action")));
        var buttons = settings.QuerySelectorAll("button").Select(b => Html.Normalize(b.TextContent)).ToList();
        Assert.Equal(["Save my choices", "Accept all", "Necessary only"], buttons);
    }

    public void Dispose()
    {
        _site.Dispose();
        _data.Dispose();
    }
}
