using System.Text.Json;
using UmbracoPersonalization.Core.Experiments;

namespace UmbracoPersonalization.Core.Tests.Conformance;

/// <summary>GrowthBook's <c>getBucketRange</c> cases against <see cref="BucketRanges"/>.</summary>
public class GetBucketRangeConformanceTests
{
    /// <summary>Gets the rows.</summary>
    public static IEnumerable<object[]> Cases => GrowthBookCases.Rows("getBucketRange");

    /// <summary>Runs one case: [name, [numVariations, coverage, weights], expected ranges].</summary>
    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Get_GrowthBookCase_MatchesExpected(string section, int index, string name)
    {
        var item = GrowthBookCases.Get(section, index);
        var args = item[1];
        var coverage = args[1].ValueKind == JsonValueKind.Null ? 1 : args[1].GetDouble();
        double[]? weights = args[2].ValueKind == JsonValueKind.Null ? null : args[2].EnumerateArray().Select(w => w.GetDouble()).ToArray();

        var actual = BucketRanges.Get(args[0].GetInt32(), coverage, weights);

        var expected = ConformanceJson.Ranges(item[2]);
        Assert.True(expected.Count == actual.Length, name);
        for (var i = 0; i < actual.Length; i++)
        {
            // GrowthBook's own test rounds to 6 decimals: sums like 0.2 + 0.3 are not exact in binary.
            Assert.Equal(expected[i].Start, actual[i].Start, 6);
            Assert.Equal(expected[i].End, actual[i].End, 6);
        }
    }
}
