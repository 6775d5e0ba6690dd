using System.Net;
using UmbracoPersonalization.Site.Tests.Infrastructure;

namespace UmbracoPersonalization.Site.Tests;

/// <summary>The demo site's own pages, through the real pipeline.</summary>
public sealed class SitePagesTests : IDisposable
{
    private readonly TempFolder _data = new();
    private readonly SiteFactory _site;

    public SitePagesTests() => _site = new SiteFactory(_data.Path);

    [Theory]
    [InlineData("/", "Shop by activity")]
    [InlineData("/bikes/", "Bikes")]
    [InlineData("/bikes/gravel-one/", "Gravel One")]
    [InlineData("/running/ridge-trail/", "Ridge Trail Shoe")]
    [InlineData("/journal/", "Journal")]
    [InlineData("/journal/wild-camping-beginners/", "Wild camping for beginners")]
    [InlineData("/privacy-settings", "Privacy settings")]
    public async Task Page_Renders(string url, string expectedText)
    {
        var page = await _site.CreateClient().GetPageAsync(url);

        Assert.Contains(expectedText, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("nav[aria-label='Main']"));
    }

    [Fact]
    public async Task UnknownUrl_Returns404WithTheSiteLayout()
    {
        using var response = await _site.CreateClient().GetAsync("/bikes/unicycle/");
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task CategoryPage_ListsItsProductsAndArticles_AndMarksTheSectionCurrent()
    {
        var page = await _site.CreateClient().GetPageAsync("/camping/");

        Assert.Equal(3, page.QuerySelectorAll("[aria-labelledby='products-title'] .card").Length);
        Assert.Equal(2, page.QuerySelectorAll("[aria-labelledby='articles-title'] .card").Length);
        Assert.Equal("Camping", page.QuerySelector("nav[aria-label='Main'] a[aria-current='page']")?.TextContent);
    }

    [Fact]
    public async Task StaticAssets_AreServed()
    {
        var client = _site.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/site.css")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/images/spring.svg")).StatusCode);
    }

    public void Dispose()
    {
        _site.Dispose();
        _data.Dispose();
    }
}
