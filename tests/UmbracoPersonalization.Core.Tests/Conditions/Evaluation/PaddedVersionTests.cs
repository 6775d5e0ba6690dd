using UmbracoPersonalization.Core.Conditions.Evaluation;

namespace UmbracoPersonalization.Core.Tests.Conditions.Evaluation;

/// <summary>Tests <see cref="PaddedVersion"/>.</summary>
public class PaddedVersionTests
{
    [Theory]
    [InlineData("1.2.3", "    1-    2-    3-~")]
    [InlineData("v1.2.3-rc.1+build.5", "    1-    2-    3-rc-    1")]
    [InlineData("1.0.0--", "    1-    0-    0--")]
    [InlineData("123456.0.0", "123456-    0-    0-~")]
    [InlineData("", "    0")]
    [InlineData("1.2", "    1-    2")]
    public void Compute_Version_PadsTheGrowthBookWay(string input, string expected) =>
        Assert.Equal(expected, PaddedVersion.Compute(input));
}
