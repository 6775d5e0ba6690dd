using UmbracoPersonalization.Core.Experiments;

namespace UmbracoPersonalization.Core.Tests.Experiments;

/// <summary>Tests <see cref="QueryStringOverride"/>.</summary>
public class QueryStringOverrideTests
{
    [Theory]
    [InlineData("/page?exp=1", 1)]
    [InlineData("/page?exp=1abc", 1)]
    [InlineData("/page?exp= 1", 1)]
    [InlineData("/page?exp=1=2", 1)]
    [InlineData("/page?exp", null)]
    [InlineData("/page?exp=9999999999999", null)]
    [InlineData("/page?other=1&exp=2#x", null)]
    [InlineData(null, null)]
    public void Get_Url_ReadsLikeParseInt(string? url, int? expected) =>
        Assert.Equal(expected, QueryStringOverride.Get("exp", url, 2));
}
