using System.Text.Json;
using UmbracoPersonalization.Core.Conditions;
using UmbracoPersonalization.Core.Experiments;

namespace UmbracoPersonalization.Core.Tests.Conformance;

/// <summary>Builds an <see cref="EvaluationContext"/> from a case's GrowthBook context JSON.</summary>
public static class ConformanceContext
{
    /// <summary>Gets the condition semantics conformance runs with.</summary>
    public static ConditionOptions Options => ConditionOptions.GrowthBookCompatible;

    /// <summary>Builds the context.</summary>
    /// <param name="json">The case's context object.</param>
    /// <param name="stickyBuckets">Sticky buckets, or null for none.</param>
    /// <returns>The context.</returns>
    public static EvaluationContext Create(JsonElement json, StickyBucketAssignments? stickyBuckets = null) => new()
    {
        Attributes = new JsonAttributeSource(Property(json, "attributes")),
        Url = Property(json, "url") is { ValueKind: JsonValueKind.String } url ? url.GetString() : null,
        Features = Property(json, "features") is { ValueKind: JsonValueKind.Object } features
            ? FeatureDefinition.ParseAll(features, Options)
            : new Dictionary<string, FeatureDefinition>(),
        ForcedVariations = Property(json, "forcedVariations") is { ValueKind: JsonValueKind.Object } forced
            ? forced.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32())
            : new Dictionary<string, int>(),
        Enabled = Property(json, "enabled").ValueKind != JsonValueKind.False,
        QaMode = Property(json, "qaMode").ValueKind == JsonValueKind.True,
        SavedGroups = SavedGroups.FromJson(Property(json, "savedGroups")),
        StickyBuckets = stickyBuckets,
    };

    /// <summary>Reads a sticky-bucket document from GrowthBook JSON.</summary>
    /// <param name="json">The document object.</param>
    /// <returns>The document.</returns>
    public static StickyAssignmentsDocument Document(JsonElement json) => new(
        json.GetProperty("attributeName").GetString()!,
        json.GetProperty("attributeValue").GetString()!,
        json.GetProperty("assignments").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));

    private static JsonElement Property(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) ? value : default;
}
