using System.Text.Json;
using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Experiments;

/// <summary>
/// Everything experiments and features are evaluated against for one visitor: attributes, URL, overrides, saved
/// groups and (optionally) sticky buckets. GrowthBook's user context without callbacks: exposures are read from the
/// results by the caller.
/// </summary>
public sealed class EvaluationContext
{
    /// <summary>Gets the visitor's attributes.</summary>
    public required IAttributeSource Attributes { get; init; }

    /// <summary>Gets the current URL (query-string overrides, URL targeting).</summary>
    public string? Url { get; init; }

    /// <summary>Gets the features, by key (prerequisites and <see cref="FeatureEvaluator"/>).</summary>
    public IReadOnlyDictionary<string, FeatureDefinition> Features { get; init; } = new Dictionary<string, FeatureDefinition>();

    /// <summary>Gets variations forced per experiment key (previews, QA).</summary>
    public IReadOnlyDictionary<string, int> ForcedVariations { get; init; } = new Dictionary<string, int>();

    /// <summary>Gets feature values forced per feature key.</summary>
    public IReadOnlyDictionary<string, JsonElement> ForcedFeatureValues { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Gets a value indicating whether QA mode is on: nobody is assigned by hashing, only forced variations apply.</summary>
    public bool QaMode { get; init; }

    /// <summary>Gets a value indicating whether experiments run at all (false: everyone sees the control).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Gets the saved groups for <c>$inGroup</c>.</summary>
    public SavedGroups SavedGroups { get; init; } = SavedGroups.Empty;

    /// <summary>Gets the visitor's sticky buckets; null turns sticky bucketing off.</summary>
    public StickyBucketAssignments? StickyBuckets { get; init; }
}
