using System.Text.Json;
using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Experiments;

/// <summary>
/// One rule of a feature: a force rule (with optional rollout by <see cref="Coverage"/> or <see cref="Range"/>) when
/// <see cref="HasForce"/>, otherwise an experiment rule over <see cref="Variations"/>.
/// </summary>
public sealed class FeatureRule
{
    /// <summary>Gets the rule id (reported as <see cref="FeatureResult.RuleId"/>).</summary>
    public string? Id { get; init; }

    /// <summary>Gets the targeting condition.</summary>
    public Condition? Condition { get; init; }

    /// <summary>Gets prerequisite features.</summary>
    public IReadOnlyList<ParentCondition>? ParentConditions { get; init; }

    /// <summary>Gets hash-range filters.</summary>
    public IReadOnlyList<ExperimentFilter>? Filters { get; init; }

    /// <summary>Gets a value indicating whether this is a force rule (a forced null counts).</summary>
    public bool HasForce { get; init; }

    /// <summary>Gets the forced value (meaningful when <see cref="HasForce"/>).</summary>
    public JsonElement Force { get; init; }

    /// <summary>Gets the rollout range for a force rule.</summary>
    public BucketRange? Range { get; init; }

    /// <summary>Gets the rollout share (force rule) or experiment coverage.</summary>
    public double? Coverage { get; init; }

    /// <summary>Gets the attribute hashed; <c>id</c> when null.</summary>
    public string? HashAttribute { get; init; }

    /// <summary>Gets the fallback hash attribute (used with sticky bucketing).</summary>
    public string? FallbackAttribute { get; init; }

    /// <summary>Gets a value indicating whether sticky bucketing is off for this rule.</summary>
    public bool DisableStickyBucketing { get; init; }

    /// <summary>Gets the hash seed; the experiment key (rules) or feature key (rollouts) when null.</summary>
    public string? Seed { get; init; }

    /// <summary>Gets the hash version.</summary>
    public int? HashVersion { get; init; }

    /// <summary>Gets the variations of an experiment rule.</summary>
    public IReadOnlyList<JsonElement>? Variations { get; init; }

    /// <summary>Gets the experiment key; the feature key when null.</summary>
    public string? Key { get; init; }

    /// <summary>Gets the experiment weights.</summary>
    public IReadOnlyList<double>? Weights { get; init; }

    /// <summary>Gets the namespace slice.</summary>
    public ExperimentNamespace? Namespace { get; init; }

    /// <summary>Gets per-variation metadata.</summary>
    public IReadOnlyList<VariationMeta>? Meta { get; init; }

    /// <summary>Gets explicit bucket ranges.</summary>
    public IReadOnlyList<BucketRange>? Ranges { get; init; }

    /// <summary>Gets the experiment name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the experiment phase.</summary>
    public string? Phase { get; init; }

    /// <summary>Gets the sticky-bucket version.</summary>
    public int? BucketVersion { get; init; }

    /// <summary>Gets the lowest sticky-bucket version still allowed.</summary>
    public int? MinBucketVersion { get; init; }

    /// <summary>Gets exposures to report when this force rule applies.</summary>
    public IReadOnlyList<FeatureRuleTrack>? Tracks { get; init; }

    internal static FeatureRule Parse(JsonElement json, string path, ConditionOptions options)
    {
        var reader = DefinitionReader.ForObject(json, path, options);
        return new FeatureRule
        {
            Id = reader.String("id"),
            Condition = reader.Condition("condition"),
            ParentConditions = reader.ParentConditions("parentConditions"),
            Filters = reader.Filters("filters"),
            HasForce = reader.Has("force"),
            Force = json.TryGetProperty("force", out var force) ? force.Clone() : default,
            Range = reader.Range("range"),
            Coverage = reader.Number("coverage"),
            HashAttribute = reader.String("hashAttribute"),
            FallbackAttribute = reader.String("fallbackAttribute"),
            DisableStickyBucketing = reader.Boolean("disableStickyBucketing") ?? false,
            Seed = reader.String("seed"),
            HashVersion = reader.Integer("hashVersion"),
            Variations = reader.Values("variations"),
            Key = reader.String("key"),
            Weights = reader.Numbers("weights"),
            Namespace = reader.Namespace("namespace"),
            Meta = reader.Meta("meta"),
            Ranges = reader.Ranges("ranges"),
            Name = reader.String("name"),
            Phase = reader.String("phase"),
            BucketVersion = reader.Integer("bucketVersion"),
            MinBucketVersion = reader.Integer("minBucketVersion"),
            Tracks = reader.List("tracks", static (item, itemPath) =>
                item.ValueKind == JsonValueKind.Object && item.TryGetProperty("experiment", out var experiment) && item.TryGetProperty("result", out var result)
                    ? new FeatureRuleTrack(experiment.Clone(), result.Clone())
                    : throw new DefinitionParseException(itemPath, "expected {experiment, result}.")),
        };
    }
}
