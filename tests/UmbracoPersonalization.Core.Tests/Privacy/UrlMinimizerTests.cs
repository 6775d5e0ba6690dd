using UmbracoPersonalization.Core.Privacy;

namespace UmbracoPersonalization.Core.Tests.Privacy;

public class UrlMinimizerTests
{
    [Theory]
    [InlineData("/shop?email=a%40b.example&utm_source=news", "/shop?utm_source=news")]
    [InlineData("/shop?UTM_Campaign=spring&token=abc&utm_medium=mail", "/shop?UTM_Campaign=spring&utm_medium=mail")]
    [InlineData("/shop?token=abc", "/shop")]
    [InlineData("/shop#section", "/shop")]
    [InlineData("/shop?utm_source=x#frag", "/shop?utm_source=x")]
    [InlineData("https://user:secret@example.com:8443/a?q=me&utm_term=bike", "https://example.com:8443/a?utm_term=bike")]
    [InlineData("https://example.com/?", "https://example.com/")]
    [InlineData("/plain", "/plain")]
    public void Minimize_DefaultAllowList_KeepsOnlyUtmKeys(string url, string expected)
    {
        Assert.Equal(expected, UrlMinimizer.Minimize(url));
    }

    [Fact]
    public void Minimize_Null_StaysNull()
    {
        Assert.Null(UrlMinimizer.Minimize(null));
    }

    [Fact]
    public void Minimize_CustomAllowList_ExactAndPrefixMatches()
    {
        Assert.Equal("/p?page=2&gclid=x", UrlMinimizer.Minimize("/p?page=2&name=bob&gclid=x", ["page", "gcl*"]));
    }

    [Fact]
    public void Minimize_EncodedKey_IsMatchedDecoded()
    {
        Assert.Equal("/p?utm%5Fsource=x", UrlMinimizer.Minimize("/p?utm%5Fsource=x&e%6Dail=y"));
    }
}
