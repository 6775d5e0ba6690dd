using UmbracoPersonalization.Core.Experiments;

namespace UmbracoPersonalization.Core.Tests.Conformance;

/// <summary>GrowthBook's <c>chooseVariation</c> cases against <see cref="VariationChooser"/>.</summary>
public class ChooseVariationConformanceTests
{
    /// <summary>Gets the rows.</summary>
    public static IEnumerable<object[]> Cases => GrowthBookCases.Rows("chooseVariation");

    /// <summary>Runs one case: [name, n, ranges, expected].</summary>
    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Choose_GrowthBookCase_MatchesExpected(string section, int index, string name)
    {
        var item = GrowthBookCases.Get(section, index);
        var actual = VariationChooser.Choose(item[1].GetDouble(), ConformanceJson.Ranges(item[2]));
        Assert.True(item[3].GetInt32() == actual, $"{name}: got {actual}");
    }
}
