using System.Text.Json;
using UmbracoPersonalization.Core.Experiments;

namespace UmbracoPersonalization.Core.Tests.Conformance;

/// <summary>GrowthBook's <c>hash</c> cases against <see cref="GrowthBookHash"/>.</summary>
public class HashConformanceTests
{
    /// <summary>Gets the rows.</summary>
    public static IEnumerable<object[]> Cases => GrowthBookCases.Rows("hash");

    /// <summary>Runs one case: [seed, value, version, expected].</summary>
    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Hash_GrowthBookCase_MatchesExpected(string section, int index, string name)
    {
        var item = GrowthBookCases.Get(section, index);
        var actual = GrowthBookHash.Hash(item[0].GetString()!, item[1].GetString()!, item[2].GetInt32());
        double? expected = item[3].ValueKind == JsonValueKind.Null ? null : item[3].GetDouble();
        Assert.True(expected == actual, $"{name}: expected {expected}, got {actual}");
    }
}
