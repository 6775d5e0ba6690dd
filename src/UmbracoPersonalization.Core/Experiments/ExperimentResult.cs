using System.Text.Json;
using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Experiments;

/// <summary>The outcome of running an experiment for one visitor (GrowthBook's experiment result).</summary>
public sealed class ExperimentResult
{
    /// <summary>Gets a value indicating whether the visitor is in the experiment (an exposure to record).</summary>
    public bool InExperiment { get; init; }

    /// <summary>Gets a value indicating whether the variation came from hashing (false when forced).</summary>
    public bool HashUsed { get; init; }

    /// <summary>Gets the variation index (0 when not in the experiment).</summary>
    public int VariationId { get; init; }

    /// <summary>Gets the variation's value.</summary>
    public JsonElement Value { get; init; }

    /// <summary>Gets the variation key (meta key, else the index as text).</summary>
    public required string Key { get; init; }

    /// <summary>Gets the variation name from meta, if any.</summary>
    public string? Name { get; init; }

    /// <summary>Gets a value indicating whether the variation is a passthrough (holdout).</summary>
    public bool Passthrough { get; init; }

    /// <summary>Gets the visitor's hash in [0, 1), when hashing ran.</summary>
    public double? Bucket { get; init; }

    /// <summary>Gets the attribute used for hashing (the fallback one when that was used).</summary>
    public required string HashAttribute { get; init; }

    /// <summary>Gets the hash attribute's value (an empty string when it has none).</summary>
    public AttributeValue HashValue { get; init; }

    /// <summary>Gets the feature the experiment belongs to, if it came from a feature rule.</summary>
    public string? FeatureId { get; init; }

    /// <summary>Gets a value indicating whether the variation came from a sticky bucket.</summary>
    public bool StickyBucketUsed { get; init; }
}
