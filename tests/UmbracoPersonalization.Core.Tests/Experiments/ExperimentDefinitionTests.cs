using UmbracoPersonalization.Core.Experiments;

namespace UmbracoPersonalization.Core.Tests.Experiments;

/// <summary>Tests <see cref="ExperimentDefinition"/> parsing.</summary>
public class ExperimentDefinitionTests
{
    [Fact]
    public void Parse_FullExperiment_ReadsTypedModel()
    {
        var experiment = ExperimentDefinition.Parse("""
            {"key": "hero", "variations": [0, 1, 2], "weights": [0.34, 0.33, 0.33], "coverage": 0.9, "hashVersion": 2,
             "namespace": ["ns", 0, 0.5], "meta": [{"key": "a"}, {"key": "b", "name": "B"}, {"key": "c", "passthrough": true}],
             "condition": {"country": "NL"}, "filters": [{"seed": "s", "ranges": [[0, 0.5]]}], "unknownField": 1}
            """);

        Assert.Equal("hero", experiment.Key);
        Assert.Equal(3, experiment.Variations.Count);
        Assert.Equal(0.9, experiment.Coverage);
        Assert.Equal(new ExperimentNamespace("ns", 0, 0.5), experiment.Namespace);
        Assert.Equal("B", experiment.Meta![1].Name);
        Assert.True(experiment.Meta[2].Passthrough);
        Assert.Equal("""{"country": "NL"}""", experiment.Condition!.Source);
        Assert.Equal(new BucketRange(0, 0.5), experiment.Filters![0].Ranges[0]);
        Assert.True(experiment.Active);
    }

    [Theory]
    [InlineData("""{"variations": [0, 1]}""", "$.key")]
    [InlineData("""{"key": "k"}""", "$.variations")]
    [InlineData("""{"key": "k", "variations": [0, 1], "weights": [0.5, "x"]}""", "$.weights[1]")]
    [InlineData("""{"key": "k", "variations": [0, 1], "namespace": ["ns", 0]}""", "$.namespace")]
    [InlineData("""{"key": "k", "variations": [0, 1], "condition": {"a": {"$bad": 1}}}""", "$.condition.a.$bad")]
    [InlineData("""{"key": "k", "variations": [0, 1], "ranges": [[0]]}""", "$.ranges[0]")]
    [InlineData("""[1]""", "$")]
    [InlineData("""{"key": """, "$")]
    public void Parse_InvalidJson_ThrowsWithPath(string json, string path)
    {
        var exception = Assert.Throws<DefinitionParseException>(() => ExperimentDefinition.Parse(json));
        Assert.Equal(path, exception.Path);
    }
}
