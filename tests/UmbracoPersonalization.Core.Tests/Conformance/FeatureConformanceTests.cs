using System.Text.Json.Nodes;
using UmbracoPersonalization.Core.Experiments;

namespace UmbracoPersonalization.Core.Tests.Conformance;

/// <summary>GrowthBook's <c>feature</c> cases against <see cref="FeatureEvaluator"/>.</summary>
public class FeatureConformanceTests
{
    /// <summary>Gets the rows.</summary>
    public static IEnumerable<object[]> Cases => GrowthBookCases.Rows("feature");

    /// <summary>Runs one case: [name, context, feature key, expected result].</summary>
    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Evaluate_GrowthBookCase_MatchesExpected(string section, int index, string name)
    {
        var item = GrowthBookCases.Get(section, index);
        var context = ConformanceContext.Create(item[1]);

        var actual = ConformanceResults.Feature(FeatureEvaluator.Evaluate(item[2].GetString()!, context));

        var expected = JsonNode.Parse(item[3].GetRawText());
        Assert.True(ConformanceResults.JsonEquals(expected, actual), $"{name}:\nexpected {expected?.ToJsonString()}\nactual   {actual.ToJsonString()}");
    }
}
