using System.Text.Json.Nodes;
using UmbracoPersonalization.Core.Experiments;

namespace UmbracoPersonalization.Core.Tests.Conformance;

/// <summary>GrowthBook's <c>run</c> cases against <see cref="ExperimentRunner"/>.</summary>
public class RunConformanceTests
{
    /// <summary>Gets the rows.</summary>
    public static IEnumerable<object[]> Cases => GrowthBookCases.Rows("run");

    /// <summary>Runs one case: [name, context, experiment, value, inExperiment, hashUsed].</summary>
    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Run_GrowthBookCase_MatchesExpected(string section, int index, string name)
    {
        var item = GrowthBookCases.Get(section, index);
        var context = ConformanceContext.Create(item[1]);
        var experiment = ExperimentDefinition.Parse(item[2], ConformanceContext.Options);

        var result = ExperimentRunner.Run(experiment, context);

        var actualValue = JsonNode.Parse(result.Value.GetRawText());
        Assert.True(ConformanceResults.JsonEquals(JsonNode.Parse(item[3].GetRawText()), actualValue), $"{name}: value {actualValue?.ToJsonString()}");
        Assert.True(item[4].GetBoolean() == result.InExperiment, $"{name}: inExperiment {result.InExperiment}");
        Assert.True(item[5].GetBoolean() == result.HashUsed, $"{name}: hashUsed {result.HashUsed}");
    }
}
