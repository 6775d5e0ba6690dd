using Umbraco.Cms.Core.Models.PublishedContent;
using UmbracoPersonalization.Site.Publishing;

namespace UmbracoPersonalization.Site.Tests.Publishing;

public sealed class ContentCatalogTests
{
    private static readonly ContentCatalog Catalog = new(SiteContentFolder());

    [Theory]
    [InlineData("/", "home")]
    [InlineData("", "home")]
    [InlineData("bikes", "category")]
    [InlineData("/bikes/", "category")]
    [InlineData("/BIKES/gravel-one", "product")]
    [InlineData("/journal/first-century-ride/", "article")]
    public void GetByRoute_KnownUrl_ReturnsContentOfItsType(string path, string contentType)
    {
        var content = Catalog.GetByRoute(path);

        Assert.NotNull(content);
        Assert.Equal(contentType, content.ContentType.Alias);
    }

    [Fact]
    public void GetByRoute_UnknownUrl_ReturnsNull() => Assert.Null(Catalog.GetByRoute("/bikes/unicycle/"));

    [Fact]
    public void Content_UsesUmbracosOwnPublishedTypes()
    {
        var product = Catalog.GetByRoute("/bikes/gravel-one/")!;

        Assert.IsType<PublishedContentType>(product.ContentType);
        var tags = Assert.IsType<PublishedPropertyType>(product.ContentType.GetPropertyType("tags"));
        Assert.Equal("Umbraco.Tags", tags.EditorAlias);
        Assert.Equal(["gravel", "adventure"], product.List("tags"));
        Assert.Equal(["bikes"], product.List("categories"));
        Assert.Equal(PublishedItemType.Content, product.ItemType);
        Assert.Equal(3, product.Level);
    }

    [Fact]
    public void Keys_AreStableAcrossLoads()
    {
        var again = new ContentCatalog(SiteContentFolder());

        Assert.Equal(Catalog.GetByRoute("/running/")!.Key, again.GetByRoute("/running/")!.Key);
    }

    [Theory]
    [InlineData("bikes")]
    [InlineData("running")]
    [InlineData("camping")]
    public void EveryCategory_HasThreeProductsAndTwoArticles(string category)
    {
        Assert.Equal(3, Catalog.InCategory(category, "product").Count());
        Assert.Equal(2, Catalog.InCategory(category, "article").Count());
    }

    internal static string SiteContentFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "UmbracoPersonalization.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Solution folder not found."), "site", "Content");
    }
}
