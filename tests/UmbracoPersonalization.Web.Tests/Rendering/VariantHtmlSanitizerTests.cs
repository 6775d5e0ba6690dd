using UmbracoPersonalization.Web.Rendering;

namespace UmbracoPersonalization.Web.Tests.Rendering;

public sealed class VariantHtmlSanitizerTests
{
    private readonly VariantHtmlSanitizer _sanitizer = new();

    [Theory]
    [InlineData("<form action=\"https://x.example\"><input name=\"a\"><button>Go</button></form>", "")]
    [InlineData("<iframe src=\"https://x.example\"></iframe>", "")]
    [InlineData("<script>alert(1)</script>", "")]
    [InlineData("<style>body{display:none}</style>", "")]
    [InlineData("<p style=\"position:fixed\">x</p>", "<p>x</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"//evil.example/\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"/\\evil.example/\">x</a>", "<a>x</a>")]
    [InlineData("<img src=\"//evil.example/i.png\" alt=\"i\">", "<img alt=\"i\">")]
    [InlineData("<a href=\"/&#9;/evil.example/\">x</a>", "<a>x</a>")] // browsers drop the tab: //evil.example/
    [InlineData("<a href=\"/&#10;/evil.example/\">x</a>", "<a>x</a>")]
    [InlineData("<img src=\"/&#13;/evil.example/i.png\" alt=\"i\">", "<img alt=\"i\">")]
    [InlineData("<p id=\"x\" onclick=\"a()\">x</p>", "<p>x</p>")]
    public void Sanitize_RemovesUnsafeMarkup(string input, string expected) =>
        Assert.Equal(expected, _sanitizer.Sanitize(input));

    [Theory]
    [InlineData("<a href=\"https://example.com/a\" class=\"btn\">x</a>")]
    [InlineData("<a href=\"/local/path\">x</a>")]
    [InlineData("<h2>Title</h2><ul><li><strong>a</strong></li></ul>")]
    public void Sanitize_KeepsSafeMarkup(string input) => Assert.Equal(input, _sanitizer.Sanitize(input));

    [Theory]
    [InlineData("/shop", "/shop")]
    [InlineData("https://example.com/x", "https://example.com/x")]
    [InlineData("//evil.example", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("data:text/html,x", null)]
    [InlineData(" /\\evil.example", null)]
    public void SafeUrl_AllowsOnlyLocalAndHttpUrls(string url, string? expected) =>
        Assert.Equal(expected, PlacementRenderer.SafeUrl(url));
}
