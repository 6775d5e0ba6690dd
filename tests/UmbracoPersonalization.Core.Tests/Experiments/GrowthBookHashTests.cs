using UmbracoPersonalization.Core.Experiments;

namespace UmbracoPersonalization.Core.Tests.Experiments;

/// <summary>Tests <see cref="GrowthBookHash"/>, including non-ASCII ids the shared cases do not cover.</summary>
public class GrowthBookHashTests
{
    /// <summary>
    /// Expected values printed by GrowthBook's JavaScript SDK 1.8.0 (<c>hash</c> in util.mjs, which hashes
    /// <c>charCodeAt</c> code units). Strings are escaped so no editor can re-normalize them.
    /// </summary>
    [Theory]
    [InlineData("", "caf\u00e9", 1, 0.068)]
    [InlineData("", "caf\u00e9", 2, 0.4938)]
    [InlineData("exp", "Zo\u00eb", 2, 0.1884)]
    [InlineData("exp", "Zo\u00eb", 1, 0.526)]
    [InlineData("seed", "\U0001F600", 2, 0.4346)]
    [InlineData("seed", "\U0001F600", 1, 0.429)]
    [InlineData("home-hero", "visitor-\u00f1and\u00fa-\U0001F6B2", 2, 0.8117)]
    [InlineData("\u00fcber", "id-1", 2, 0.7945)]
    [InlineData("", "\u65e5\u672c\u8a9e", 2, 0.1203)]
    [InlineData("", "e\u0301", 2, 0.515)]
    [InlineData("", "\u00e9", 2, 0.8917)]
    public void Hash_NonAsciiValue_MatchesGrowthBookJavaScript(string seed, string value, int version, double expected) =>
        Assert.Equal(expected, GrowthBookHash.Hash(seed, value, version));

    [Fact]
    public void Hash_DecomposedAndComposedAccents_HashDifferently() =>
        Assert.NotEqual(GrowthBookHash.Hash("", "e\u0301", 2), GrowthBookHash.Hash("", "\u00e9", 2));

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    public void Hash_UnknownVersion_ReturnsNull(int version) => Assert.Null(GrowthBookHash.Hash("a", "b", version));

    [Theory]
    [InlineData("", 0x811C9DC5u)]
    [InlineData("a", 0xE40C292Cu)]
    [InlineData("foobar", 0xBF9CF968u)]
    public void Fnv1a32_KnownVectors_Match(string text, uint expected) => Assert.Equal(expected, GrowthBookHash.Fnv1a32(text));

    [Fact]
    public void Hash_ManyIds_SpreadEvenly()
    {
        var buckets = new int[10];
        for (var i = 0; i < 20_000; i++)
        {
            buckets[(int)(GrowthBookHash.Hash("seed", $"visitor-{i}", 2)!.Value * 10)]++;
        }

        Assert.All(buckets, count => Assert.InRange(count, 1_800, 2_200));
    }
}
