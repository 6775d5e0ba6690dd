using System.Text.Json;
using UmbracoPersonalization.Core.Experiments;

namespace UmbracoPersonalization.Core.Tests.Conformance;

/// <summary>GrowthBook's <c>getQueryStringOverride</c> cases against <see cref="QueryStringOverride"/>.</summary>
public class GetQueryStringOverrideConformanceTests
{
    /// <summary>Gets the rows.</summary>
    public static IEnumerable<object[]> Cases => GrowthBookCases.Rows("getQueryStringOverride");

    /// <summary>Runs one case: [name, key, url, numVariations, expected].</summary>
    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Get_GrowthBookCase_MatchesExpected(string section, int index, string name)
    {
        var item = GrowthBookCases.Get(section, index);
        var actual = QueryStringOverride.Get(item[1].GetString()!, item[2].GetString(), item[3].GetInt32());
        int? expected = item[4].ValueKind == JsonValueKind.Null ? null : item[4].GetInt32();
        Assert.True(expected == actual, $"{name}: expected {expected}, got {actual}");
    }
}
