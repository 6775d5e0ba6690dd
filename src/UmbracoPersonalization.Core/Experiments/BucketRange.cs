namespace UmbracoPersonalization.Core.Experiments;

/// <summary>A half-open range [<see cref="Start"/>, <see cref="End"/>) of the hash space that maps to one variation.</summary>
/// <param name="Start">Inclusive start.</param>
/// <param name="End">Exclusive end.</param>
public readonly record struct BucketRange(double Start, double End)
{
    /// <summary>Gets a value indicating whether <paramref name="n"/> falls in the range.</summary>
    /// <param name="n">A hash in [0, 1).</param>
    /// <returns><c>true</c> when Start &lt;= n &lt; End.</returns>
    public bool Contains(double n) => n >= Start && n < End;
}
