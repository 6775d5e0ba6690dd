using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Web.Catalogue;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Tests.TestSite;

namespace UmbracoPersonalization.Web.Tests.Catalogue;

public sealed class CatalogueItemFactoryTests
{
    [Fact]
    public void Create_PublishedContent_ReadsTagsCategoriesTextAndDate()
    {
        var content = TestDocuments.Product("Gravel One", """["Gravel","adventure","gravel"]""", "bikes, Outdoor", "<p>Fast &amp; <b>light</b></p>\n<p>frame</p>");

        var item = Factory().Create(content)!;

        Assert.Equal(content.Key, item.Key);
        Assert.Equal("product", item.ContentType);
        Assert.Equal("Gravel One", item.Name);
        Assert.Equal(["gravel", "adventure"], item.Tags);
        Assert.Equal(["bikes", "outdoor"], item.Categories);
        Assert.Equal("Fast & light frame", item.Text);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero), item.PublishedAt);
        Assert.Null(item.Url); // no published URL provider in this host
    }

    [Fact]
    public void Create_ExcludedContentType_ReturnsNull()
    {
        var settings = new PersonalizationSettings();
        settings.Catalogue.ExcludedContentTypes = ["product"];

        Assert.Null(Factory(settings).Create(TestDocuments.Product("x", "", "", "")));
    }

    [Theory]
    [InlineData(null, new string[0])]
    [InlineData("", new string[0])]
    [InlineData("[not json", new string[0])]
    [InlineData("a, B ,,a", new[] { "a", "b" })]
    [InlineData("""["X", null, " y "]""", new[] { "x", "y" })]
    public void ParseTerms_JsonOrCsv_LowerCaseDistinct(string? raw, string[] expected) =>
        Assert.Equal(expected, CatalogueItemFactory.ParseTerms(raw));

    private static CatalogueItemFactory Factory(PersonalizationSettings? settings = null) =>
        new(new StaticOptionsMonitor<PersonalizationSettings>(settings ?? new PersonalizationSettings()), new ServiceCollection().BuildServiceProvider());
}
