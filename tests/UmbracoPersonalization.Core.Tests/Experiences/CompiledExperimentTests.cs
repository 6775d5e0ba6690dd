using System.Text.Json;
using UmbracoPersonalization.Core.Conditions;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Experiments;
using UmbracoPersonalization.Core.Tests.Support;

namespace UmbracoPersonalization.Core.Tests.Experiences;

public class CompiledExperimentTests
{
    [Theory]
    [InlineData(2, 1.0, null)]
    [InlineData(1, 1.0, null)]
    [InlineData(2, 0.6, new[] { 0.2, 0.8 })]
    public void ChooseArm_MatchesGrowthBookRun(int hashVersion, double coverage, double[]? weights)
    {
        var definition = new ExperienceExperiment("hero-test", ["a", "b"], weights, coverage, HashVersion: hashVersion);
        var snapshot = DefinitionSnapshot.Compile(TestDefinitions.Set(TestDefinitions.Hero(definition)));
        var experiment = snapshot.Experiences["home-hero"].Experiment!;
        var growthBook = new ExperimentDefinition
        {
            Key = "hero-test",
            Variations = [JsonDocument.Parse("0").RootElement, JsonDocument.Parse("1").RootElement],
            Weights = weights,
            Coverage = coverage,
            HashVersion = hashVersion,
        };

        foreach (var id in new[] { "a", "visitor-1", "1f7c9e", "Zoë", "😀", "123", "long-visitor-id-0123456789" })
        {
            var result = ExperimentRunner.Run(growthBook, new EvaluationContext { Attributes = new AttributeDictionary().Set("id", AttributeValue.From(id)) });
            Assert.Equal(result.InExperiment ? result.VariationId : -1, experiment.ChooseArm(id));
        }
    }

    [Fact]
    public void Ranges_FollowCoverageAndWeights()
    {
        var definition = new ExperienceExperiment("exp", ["a", "b"], [0.25, 0.75], 0.5);
        var experiment = DefinitionSnapshot.Compile(TestDefinitions.Set(TestDefinitions.Hero(definition))).Experiences["home-hero"].Experiment!;

        Assert.Equal([new BucketRange(0, 0.125), new BucketRange(0.25, 0.625)], experiment.Ranges);
        Assert.Equal(["a", "b"], experiment.Arms.Select(a => a.Key));
    }
}
