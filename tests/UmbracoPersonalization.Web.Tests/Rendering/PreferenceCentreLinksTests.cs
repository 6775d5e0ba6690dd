using Microsoft.AspNetCore.Http;
using UmbracoPersonalization.Web.Rendering;

namespace UmbracoPersonalization.Web.Tests.Rendering;

/// <summary>The open and close links of an on-demand preference centre.</summary>
public sealed class PreferenceCentreLinksTests
{
    private static PreferenceCentreLinks For(string path, string query = "", string pathBase = "")
    {
        var context = new DefaultHttpContext();
        context.Request.PathBase = pathBase;
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        return PreferenceCentreLinks.For(context.Request, PreferenceCentreViewComponent.OpenQueryKey);
    }

    [Fact]
    public void WithoutAQuery_OpensWithTheKeyAlone()
    {
        var links = For("/bikes/");

        Assert.False(links.IsOpen);
        Assert.Equal("/bikes/?up-preferences=open#up-preferences", links.OpenUrl);
        Assert.Null(links.CloseUrl);
    }

    [Fact]
    public void KeepsThePagesOwnQuery_AndDropsTheKeyFromTheCloseLink()
    {
        var links = For("/shop", "?page=2&UP-Preferences=OPEN&utm_campaign=spring%20sale");

        Assert.True(links.IsOpen);
        Assert.Equal("/shop?page=2&utm_campaign=spring%20sale&up-preferences=open#up-preferences", links.OpenUrl);
        Assert.Equal("/shop?page=2&utm_campaign=spring%20sale#up-preferences", links.CloseUrl);
    }

    [Theory]
    [InlineData("?up-preferences=")]
    [InlineData("?up-preferences=closed")]
    [InlineData("?up-preferencesx=open")]
    public void OnlyTheOpenValueOpens(string query)
    {
        Assert.False(For("/", query).IsOpen);
    }

    [Fact]
    public void EscapesThePath_AndKeepsThePathBase()
    {
        var links = For("/a b/<x>", pathBase: "/site");

        Assert.Equal("/site/a%20b/%3Cx%3E?up-preferences=open#up-preferences", links.OpenUrl);
    }

    [Fact]
    public void APathThatWouldLeaveTheSite_LinksToTheHomePage()
    {
        Assert.Equal("/?up-preferences=open#up-preferences", For("//evil.example/x").OpenUrl);
        Assert.Equal("/%5Cevil.example?up-preferences=open#up-preferences", For("/\\evil.example").OpenUrl); // escaped: stays local
    }
}
