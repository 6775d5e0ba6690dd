namespace UmbracoPersonalization.Core.Experiments;

/// <summary>Turns coverage and weights into bucket ranges, exactly as GrowthBook does.</summary>
public static class BucketRanges
{
    /// <summary>
    /// Gets one range per variation: variation i starts at the sum of the previous weights and covers
    /// <c>coverage * weight</c> of it. Coverage is clamped to [0, 1]; weights of the wrong count or not summing to
    /// 1 (±0.01) are replaced by equal weights.
    /// </summary>
    /// <param name="numVariations">The number of variations.</param>
    /// <param name="coverage">The share of visitors included, 0 to 1.</param>
    /// <param name="weights">The traffic split, or null for equal weights.</param>
    /// <returns>The ranges.</returns>
    public static BucketRange[] Get(int numVariations, double coverage = 1, IReadOnlyList<double>? weights = null)
    {
        coverage = Math.Clamp(coverage, 0, 1);
        IReadOnlyList<double> equal = EqualWeights.Get(numVariations);
        weights ??= equal;
        if (weights.Count != numVariations)
        {
            weights = equal;
        }

        var total = 0d;
        foreach (var weight in weights)
        {
            total += weight;
        }

        if (total < 0.99 || total > 1.01)
        {
            weights = equal;
        }

        var ranges = new BucketRange[weights.Count];
        var cumulative = 0d;
        for (var i = 0; i < ranges.Length; i++)
        {
            var start = cumulative;
            cumulative += weights[i];
            ranges[i] = new BucketRange(start, start + (coverage * weights[i]));
        }

        return ranges;
    }
}
