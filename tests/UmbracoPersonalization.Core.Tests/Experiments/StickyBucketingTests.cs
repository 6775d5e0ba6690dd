using UmbracoPersonalization.Core.Conditions;
using UmbracoPersonalization.Core.Experiments;

namespace UmbracoPersonalization.Core.Tests.Experiments;

/// <summary>Tests <see cref="StickyBucketing"/> with <see cref="InMemoryStickyBucketService"/>.</summary>
public class StickyBucketingTests
{
    private const string Features = """
        {"hero": {"defaultValue": "a", "rules": [{"key": "hero-exp", "variations": ["a", "b"], "hashAttribute": "id",
          "fallbackAttribute": "deviceId", "meta": [{"key": "0"}, {"key": "1"}]}]}}
        """;

    [Fact]
    public void GetIdentifierAttributes_ExperimentRules_ListsHashAndFallback()
    {
        var features = FeatureDefinition.ParseAll(Features);
        Assert.Equal(["id", "deviceId"], StickyBucketing.GetIdentifierAttributes(features.Values));
    }

    [Fact]
    public async Task LoadEvaluateSave_RoundTrip_PersistsAndReusesAssignment()
    {
        var service = new InMemoryStickyBucketService();
        var features = FeatureDefinition.ParseAll(Features);
        var attributes = new AttributeDictionary().Set("deviceId", AttributeValue.From("d1"));
        var names = StickyBucketing.GetIdentifierAttributes(features.Values);

        var buckets = await StickyBucketing.LoadAsync(service, attributes, names);
        var first = FeatureEvaluator.Evaluate("hero", new EvaluationContext { Attributes = attributes, Features = features, StickyBuckets = buckets });
        await StickyBucketing.SaveChangesAsync(service, buckets);

        Assert.Empty(buckets.ChangedDocuments);
        var stored = Assert.Single(service.Documents.Values);
        Assert.Equal(("deviceId", "d1"), (stored.AttributeName, stored.AttributeValue));
        Assert.Equal(first.ExperimentResult!.Key, stored.Assignments["hero-exp__0"]);

        var reloaded = await StickyBucketing.LoadAsync(service, attributes, names);
        var second = FeatureEvaluator.Evaluate("hero", new EvaluationContext { Attributes = attributes, Features = features, StickyBuckets = reloaded });
        Assert.True(second.ExperimentResult!.StickyBucketUsed);
        Assert.Empty(reloaded.ChangedDocuments);
    }
}
