using System.Text.Json;
using UmbracoPersonalization.Core.Conditions;
using UmbracoPersonalization.Core.Experiments;

namespace UmbracoPersonalization.Core.Tests.Experiments;

/// <summary>Tests <see cref="FeatureEvaluator"/>.</summary>
public class FeatureEvaluatorTests
{
    [Fact]
    public void Evaluate_UnknownFeature_ReturnsNullWithReason()
    {
        var result = FeatureEvaluator.Evaluate("nope", Context("{}"));
        Assert.Equal(FeatureResultSource.UnknownFeature, result.Source);
        Assert.Equal(JsonValueKind.Null, result.Value.ValueKind);
        Assert.True(result.Off);
    }

    [Fact]
    public void Evaluate_ForceRuleWithCondition_AppliesOnlyWhenMatched()
    {
        const string features = """{"banner": {"defaultValue": "none", "rules": [{"id": "nl", "condition": {"country": "NL"}, "force": "dutch"}]}}""";

        var dutch = FeatureEvaluator.Evaluate("banner", Context(features, ("country", "NL")));
        var other = FeatureEvaluator.Evaluate("banner", Context(features, ("country", "BE")));

        Assert.Equal((FeatureResultSource.Force, "dutch", "nl"), (dutch.Source, dutch.Value.GetString(), dutch.RuleId));
        Assert.Equal((FeatureResultSource.DefaultValue, "none"), (other.Source, other.Value.GetString()));
    }

    [Fact]
    public void Evaluate_ForcedNull_IsAForceRule()
    {
        var result = FeatureEvaluator.Evaluate("f", Context("""{"f": {"defaultValue": 1, "rules": [{"force": null}]}}"""));
        Assert.Equal(FeatureResultSource.Force, result.Source);
        Assert.Equal(JsonValueKind.Null, result.Value.ValueKind);
    }

    [Fact]
    public void Evaluate_ExperimentRule_ReportsExperimentAndResult()
    {
        var result = FeatureEvaluator.Evaluate("f", Context("""{"f": {"defaultValue": 0, "rules": [{"key": "exp", "variations": [1, 2]}]}}"""));

        Assert.Equal(FeatureResultSource.Experiment, result.Source);
        Assert.Equal("exp", result.Experiment!.Key);
        Assert.Equal("f", result.ExperimentResult!.FeatureId);
        Assert.True(result.ExperimentResult.InExperiment);
    }

    [Fact]
    public void Evaluate_CyclicPrerequisites_ReturnsCyclicPrerequisite()
    {
        const string features = """
            {"a": {"defaultValue": 1, "rules": [{"parentConditions": [{"id": "b", "condition": {"value": 1}}], "force": 2}]},
             "b": {"defaultValue": 1, "rules": [{"parentConditions": [{"id": "a", "condition": {"value": 1}}], "force": 2}]}}
            """;
        Assert.Equal(FeatureResultSource.CyclicPrerequisite, FeatureEvaluator.Evaluate("a", Context(features)).Source);
    }

    [Fact]
    public void Evaluate_ForcedFeatureValue_Overrides()
    {
        using var document = JsonDocument.Parse("\"forced\"");
        var context = new EvaluationContext
        {
            Attributes = new AttributeDictionary(),
            ForcedFeatureValues = new Dictionary<string, JsonElement> { ["f"] = document.RootElement.Clone() },
        };
        var result = FeatureEvaluator.Evaluate("f", context);
        Assert.Equal((FeatureResultSource.Override, "forced"), (result.Source, result.Value.GetString()));
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("\"\"", false)]
    [InlineData("null", false)]
    [InlineData("false", false)]
    [InlineData("{}", true)]
    [InlineData("[]", true)]
    [InlineData("\"0\"", true)]
    public void IsTruthy_JsonValue_FollowsJavaScript(string json, bool expected)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(expected, FeatureEvaluator.IsTruthy(document.RootElement));
    }

    private static EvaluationContext Context(string features, params (string Key, string Value)[] attributes)
    {
        var bag = new AttributeDictionary().Set("id", AttributeValue.From("visitor-1"));
        foreach (var (key, value) in attributes)
        {
            bag.Set(key, AttributeValue.From(value));
        }

        return new EvaluationContext { Attributes = bag, Features = FeatureDefinition.ParseAll(features) };
    }
}
