using System.Text.Json;
using System.Text.Json.Nodes;
using UmbracoPersonalization.Core.Conditions;
using UmbracoPersonalization.Core.Experiments;

namespace UmbracoPersonalization.Core.Tests.Conformance;

/// <summary>GrowthBook's <c>stickyBucket</c> cases against <see cref="StickyBucketing"/> and <see cref="FeatureEvaluator"/>.</summary>
public class StickyBucketConformanceTests
{
    /// <summary>Gets the rows.</summary>
    public static IEnumerable<object[]> Cases => GrowthBookCases.Rows("stickyBucket");

    /// <summary>Runs one case: [name, context, stored docs, feature key, expected experiment result, expected docs].</summary>
    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Evaluate_GrowthBookCase_MatchesExpected(string section, int index, string name)
    {
        var item = GrowthBookCases.Get(section, index);
        var service = new InMemoryStickyBucketService();
        foreach (var document in item[2].EnumerateArray())
        {
            await service.SaveAssignmentsAsync(ConformanceContext.Document(document));
        }

        var attributes = new JsonAttributeSource(item[1].GetProperty("attributes"));
        var features = FeatureDefinition.ParseAll(item[1].GetProperty("features"), ConformanceContext.Options);
        var buckets = await StickyBucketing.LoadAsync(service, attributes, StickyBucketing.GetIdentifierAttributes(features.Values));
        var context = ConformanceContext.Create(item[1], buckets);

        var result = FeatureEvaluator.Evaluate(item[3].GetString()!, context);
        await StickyBucketing.SaveChangesAsync(service, buckets);

        var expected = JsonNode.Parse(item[4].GetRawText());
        JsonNode? actual = result.ExperimentResult is { } r ? ConformanceResults.Experiment(r) : null;
        Assert.True(ConformanceResults.JsonEquals(expected, actual), $"{name}:\nexpected {expected?.ToJsonString()}\nactual   {actual?.ToJsonString()}");

        var expectedDocs = JsonNode.Parse(item[5].GetRawText());
        var actualDocs = JsonNode.Parse(JsonSerializer.Serialize(buckets.Documents.ToDictionary(
            d => d.Key, d => new { attributeName = d.Value.AttributeName, attributeValue = d.Value.AttributeValue, assignments = d.Value.Assignments })));
        Assert.True(ConformanceResults.JsonEquals(expectedDocs, actualDocs), $"{name}: docs {actualDocs?.ToJsonString()}");
        Assert.All(buckets.Documents.Values, d => Assert.Equal(d, service.Documents[d.Key]));
    }
}
