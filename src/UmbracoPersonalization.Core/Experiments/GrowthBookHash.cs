using System.Globalization;

namespace UmbracoPersonalization.Core.Experiments;

/// <summary>
/// GrowthBook's bucketing hash: 32-bit FNV-1a over UTF-16 code units (JavaScript's <c>charCodeAt</c>), so that an
/// id with accents or emoji lands in the same bucket as in GrowthBook's SDKs. Version 1 (biased, kept for old
/// experiments) and version 2 (unbiased, the default for new ones).
/// </summary>
public static class GrowthBookHash
{
    private const uint OffsetBasis = 0x811C9DC5;
    private const uint Prime = 0x01000193;

    /// <summary>Hashes a seed and a value into [0, 1).</summary>
    /// <param name="seed">The experiment seed (usually its key).</param>
    /// <param name="value">The hash attribute's value (usually a visitor id).</param>
    /// <param name="version">1 or 2.</param>
    /// <returns>The bucket in [0, 1), with 3 (v1) or 4 (v2) decimals; null for an unknown version.</returns>
    public static double? Hash(string seed, string value, int version)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(value);
        switch (version)
        {
            case 2:
                // fnv(String(fnv(seed + value))): hash the decimal text of the first hash.
                var first = Fnv1a32(value, Fnv1a32(seed, OffsetBasis));
                Span<char> digits = stackalloc char[10];
                first.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
                return Fnv1a32(digits[..length], OffsetBasis) % 10000 / 10000d;
            case 1:
                return Fnv1a32(seed, Fnv1a32(value, OffsetBasis)) % 1000 / 1000d;
            default:
                return null;
        }
    }

    /// <summary>32-bit FNV-1a over UTF-16 code units.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The hash.</returns>
    public static uint Fnv1a32(ReadOnlySpan<char> text) => Fnv1a32(text, OffsetBasis);

    private static uint Fnv1a32(ReadOnlySpan<char> text, uint hash)
    {
        // Streaming, so seed + value is hashed without concatenating strings.
        foreach (var c in text)
        {
            hash ^= c;
            hash = unchecked(hash * Prime);
        }

        return hash;
    }
}
