using UmbracoPersonalization.Core.Experiments;

namespace UmbracoPersonalization.Core.Tests.Conformance;

/// <summary>GrowthBook's <c>getEqualWeights</c> cases against <see cref="EqualWeights"/>.</summary>
public class GetEqualWeightsConformanceTests
{
    /// <summary>Gets the rows.</summary>
    public static IEnumerable<object[]> Cases => GrowthBookCases.Rows("getEqualWeights");

    /// <summary>Runs one case: [count, expected weights].</summary>
    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Get_GrowthBookCase_MatchesExpected(string section, int index, string name)
    {
        var item = GrowthBookCases.Get(section, index);
        var actual = EqualWeights.Get(item[0].GetInt32());
        var expected = item[1].EnumerateArray().Select(w => w.GetDouble()).ToArray();
        Assert.True(expected.Length == actual.Length, name);
        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 8);
        }
    }
}
