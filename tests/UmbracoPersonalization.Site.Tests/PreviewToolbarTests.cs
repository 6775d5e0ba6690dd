using UmbracoPersonalization.Site.Tests.Infrastructure;

namespace UmbracoPersonalization.Site.Tests;

public sealed class PreviewToolbarTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task Development_ShowsTheSegmentSwitch()
    {
        using var site = new SiteFactory(_data.Path);

        var page = await site.CreateClient().GetPageAsync("/?up-preview=bikes-fans");

        var select = page.QuerySelector("aside[aria-label='Editor preview'] select[name='up-preview']");
        Assert.NotNull(select);
        Assert.Equal("up-preview", page.QuerySelector("label[for='up-preview']")?.GetAttribute("for"));
        Assert.Contains("bikes-fans", select.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        Assert.Equal("bikes-fans", select.QuerySelector("option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Production_NeverShowsTheSegmentSwitch_EvenWhenEnabled()
    {
        using var site = new SiteFactory(
            _data.Path,
            new Dictionary<string, string?> { ["Umbraco:Personalization:PreviewEnabled"] = "true" },
            environment: "Production");

        var page = await site.CreateClient().GetPageAsync("/?up-preview=bikes-fans");

        Assert.Null(page.QuerySelector("aside[aria-label='Editor preview']"));
    }

    public void Dispose() => _data.Dispose();
}
