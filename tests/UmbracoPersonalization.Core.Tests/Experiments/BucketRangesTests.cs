using UmbracoPersonalization.Core.Experiments;

namespace UmbracoPersonalization.Core.Tests.Experiments;

/// <summary>Tests <see cref="BucketRanges"/>.</summary>
public class BucketRangesTests
{
    [Fact]
    public void Get_WeightsAndCoverage_StartEachVariationAtCumulativeWeight()
    {
        var ranges = BucketRanges.Get(3, 0.5, [0.5, 0.25, 0.25]);
        Assert.Equal([new(0, 0.25), new(0.5, 0.625), new(0.75, 0.875)], ranges);
    }

    [Fact]
    public void Get_InvalidWeights_FallBackToEqual() =>
        Assert.Equal([new(0, 0.5), new(0.5, 1)], BucketRanges.Get(2, 1, [0.9, 0.9]));

    [Fact]
    public void Get_NoVariations_ReturnsNone() => Assert.Empty(BucketRanges.Get(0));
}
