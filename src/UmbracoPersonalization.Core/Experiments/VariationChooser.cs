namespace UmbracoPersonalization.Core.Experiments;

/// <summary>Picks the variation whose range holds a hash.</summary>
public static class VariationChooser
{
    /// <summary>Gets the index of the first range containing <paramref name="n"/>, or -1 (not in the experiment).</summary>
    /// <param name="n">The hash in [0, 1).</param>
    /// <param name="ranges">The bucket ranges.</param>
    /// <returns>The variation index, or -1.</returns>
    public static int Choose(double n, IReadOnlyList<BucketRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        for (var i = 0; i < ranges.Count; i++)
        {
            if (ranges[i].Contains(n))
            {
                return i;
            }
        }

        return -1;
    }
}
