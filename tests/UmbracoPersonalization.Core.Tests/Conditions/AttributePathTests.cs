using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Tests.Conditions;

/// <summary>Tests <see cref="AttributePath"/>.</summary>
public class AttributePathTests
{
    [Theory]
    [InlineData("country", new[] { "country" })]
    [InlineData("utm.campaign", new[] { "utm", "campaign" })]
    [InlineData("a..b", new[] { "a", "", "b" })]
    public void Parse_DottedPath_SplitsOnDots(string path, string[] segments)
    {
        var parsed = AttributePath.Parse(path);
        Assert.Equal(path, parsed.Path);
        Assert.Equal(segments, parsed.Segments);
        Assert.Equal(path, parsed.ToString());
    }

    [Fact]
    public void Parse_Null_Throws() => Assert.Throws<ArgumentNullException>(() => AttributePath.Parse(null!));
}
