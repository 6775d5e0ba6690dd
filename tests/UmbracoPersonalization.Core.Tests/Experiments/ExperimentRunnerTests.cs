using UmbracoPersonalization.Core.Conditions;
using UmbracoPersonalization.Core.Experiments;

namespace UmbracoPersonalization.Core.Tests.Experiments;

/// <summary>Tests <see cref="ExperimentRunner"/>.</summary>
public class ExperimentRunnerTests
{
    private static readonly ExperimentDefinition Hero = ExperimentDefinition.Parse(
        """{"key": "home-hero-test", "variations": [0, 1, 2], "weights": [0.34, 0.33, 0.33], "coverage": 0.9, "hashVersion": 2, "meta": [{"key": "a"}, {"key": "b"}, {"key": "c"}]}""");

    [Fact]
    public void Run_SameVisitor_IsDeterministic()
    {
        var first = ExperimentRunner.Run(Hero, Context("visitor-7f3a9c"));
        var second = ExperimentRunner.Run(Hero, Context("visitor-7f3a9c"));

        Assert.Equal(first.VariationId, second.VariationId);
        Assert.Equal(first.Bucket, second.Bucket);
        Assert.Equal(GrowthBookHash.Hash("home-hero-test", "visitor-7f3a9c", 2), first.Bucket);
    }

    [Fact]
    public void Run_ManyVisitors_SplitByWeightsWithinCoverage()
    {
        var counts = new int[3];
        var excluded = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var result = ExperimentRunner.Run(Hero, Context($"v{i}"));
            if (result.InExperiment)
            {
                counts[result.VariationId]++;
            }
            else
            {
                excluded++;
            }
        }

        Assert.InRange(excluded, 800, 1200);
        Assert.All(counts, count => Assert.InRange(count, 2_700, 3_300));
    }

    [Fact]
    public void Run_MissingHashAttribute_NotInExperimentWithEmptyHashValue()
    {
        var result = ExperimentRunner.Run(Hero, new EvaluationContext { Attributes = new AttributeDictionary() });

        Assert.False(result.InExperiment);
        Assert.Equal(0, result.VariationId);
        Assert.Equal(string.Empty, result.HashValue.StringValue);
        Assert.Equal("a", result.Key);
    }

    [Fact]
    public void Run_ForcedVariationAndQaMode_ForcedWinsWithoutHashing()
    {
        var context = new EvaluationContext
        {
            Attributes = Attributes("v1"),
            QaMode = true,
            ForcedVariations = new Dictionary<string, int> { ["home-hero-test"] = 2 },
        };

        var result = ExperimentRunner.Run(Hero, context);

        Assert.True(result.InExperiment);
        Assert.False(result.HashUsed);
        Assert.Equal(2, result.VariationId);
        Assert.Equal("c", result.Key);
    }

    [Fact]
    public void Run_QueryStringOverride_ForcesVariation()
    {
        var result = ExperimentRunner.Run(Hero, new EvaluationContext { Attributes = Attributes("v1"), Url = "https://x/?home-hero-test=1" });
        Assert.Equal(1, result.VariationId);
        Assert.False(result.HashUsed);
    }

    [Fact]
    public void Run_Disabled_EveryoneSeesControl() =>
        Assert.False(ExperimentRunner.Run(Hero, new EvaluationContext { Attributes = Attributes("v1"), Enabled = false }).InExperiment);

    [Fact]
    public void Run_StickyBucket_KeepsAssignmentWhenWeightsChange()
    {
        var buckets = new StickyBucketAssignments();
        var context = new EvaluationContext { Attributes = Attributes("v42"), StickyBuckets = buckets };
        var first = ExperimentRunner.Run(Hero, context);
        Assert.True(first.InExperiment);
        Assert.Single(buckets.ChangedDocuments);

        var reweighted = ExperimentDefinition.Parse(
            """{"key": "home-hero-test", "variations": [0, 1, 2], "ranges": [[0, 0], [0, 0], [0, 0]], "hashVersion": 2, "meta": [{"key": "a"}, {"key": "b"}, {"key": "c"}]}""");
        var second = ExperimentRunner.Run(reweighted, context);

        Assert.True(second.StickyBucketUsed);
        Assert.Equal(first.VariationId, second.VariationId);
    }

    private static EvaluationContext Context(string id) => new() { Attributes = Attributes(id) };

    private static AttributeDictionary Attributes(string id) => new AttributeDictionary().Set("id", AttributeValue.From(id));
}
