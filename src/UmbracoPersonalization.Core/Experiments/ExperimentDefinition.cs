using System.Text.Json;
using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Experiments;

/// <summary>
/// An experiment in GrowthBook's model: variations, traffic (coverage, weights or explicit ranges), targeting
/// (condition, prerequisites, namespace, filters) and hashing settings. Immutable; parse once, run many.
/// </summary>
public sealed class ExperimentDefinition
{
    /// <summary>Gets the experiment key (the default hash seed and the query-string override name).</summary>
    public required string Key { get; init; }

    /// <summary>Gets the variation values (any JSON).</summary>
    public required IReadOnlyList<JsonElement> Variations { get; init; }

    /// <summary>Gets the traffic split; equal weights when null or invalid.</summary>
    public IReadOnlyList<double>? Weights { get; init; }

    /// <summary>Gets the share of visitors included, 0 to 1; 1 when null.</summary>
    public double? Coverage { get; init; }

    /// <summary>Gets explicit bucket ranges; when set, weights and coverage are ignored.</summary>
    public IReadOnlyList<BucketRange>? Ranges { get; init; }

    /// <summary>Gets a value indicating whether the experiment runs; inactive ones only honour overrides.</summary>
    public bool Active { get; init; } = true;

    /// <summary>Gets GrowthBook's status: <c>draft</c> and <c>stopped</c> exclude visitors.</summary>
    public string? Status { get; init; }

    /// <summary>Gets a variation index forced for everyone still included by coverage.</summary>
    public int? Force { get; init; }

    /// <summary>Gets the attribute hashed for assignment; <c>id</c> when null.</summary>
    public string? HashAttribute { get; init; }

    /// <summary>Gets the attribute used when the hash attribute is empty (only with sticky bucketing).</summary>
    public string? FallbackAttribute { get; init; }

    /// <summary>Gets the hash version (1 or 2); 1 when null.</summary>
    public int? HashVersion { get; init; }

    /// <summary>Gets the hash seed; the key when null or empty.</summary>
    public string? Seed { get; init; }

    /// <summary>Gets the namespace slice for mutual exclusion (ignored when <see cref="Filters"/> is set).</summary>
    public ExperimentNamespace? Namespace { get; init; }

    /// <summary>Gets hash-range filters that must all include the visitor.</summary>
    public IReadOnlyList<ExperimentFilter>? Filters { get; init; }

    /// <summary>Gets per-variation metadata (keys, names, passthrough).</summary>
    public IReadOnlyList<VariationMeta>? Meta { get; init; }

    /// <summary>Gets the targeting condition.</summary>
    public Condition? Condition { get; init; }

    /// <summary>Gets prerequisite features.</summary>
    public IReadOnlyList<ParentCondition>? ParentConditions { get; init; }

    /// <summary>Gets the display name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the phase id.</summary>
    public string? Phase { get; init; }

    /// <summary>Gets the sticky-bucket version; bumping it re-buckets everyone. 0 when null.</summary>
    public int? BucketVersion { get; init; }

    /// <summary>Gets the lowest sticky-bucket version still allowed; visitors with older buckets are excluded.</summary>
    public int? MinBucketVersion { get; init; }

    /// <summary>Gets a value indicating whether sticky bucketing is off for this experiment.</summary>
    public bool DisableStickyBucketing { get; init; }

    /// <summary>Gets URL targeting patterns (redirect experiments).</summary>
    public IReadOnlyList<UrlPattern>? UrlPatterns { get; init; }

    /// <summary>Gets a value indicating whether a redirect keeps the original query string.</summary>
    public bool PersistQueryString { get; init; }

    /// <summary>Parses GrowthBook experiment JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">Condition options; <see cref="ConditionOptions.Default"/> when null.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="DefinitionParseException">The JSON is invalid; the path says where.</exception>
    public static ExperimentDefinition Parse(string json, ConditionOptions? options = null)
    {
        using var document = ParseDocument(json);
        return Parse(document.RootElement, options);
    }

    /// <summary>Parses GrowthBook experiment JSON.</summary>
    /// <param name="json">The JSON object.</param>
    /// <param name="options">Condition options; <see cref="ConditionOptions.Default"/> when null.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="DefinitionParseException">The JSON is invalid; the path says where.</exception>
    public static ExperimentDefinition Parse(JsonElement json, ConditionOptions? options = null) =>
        Parse(json, "$", options ?? ConditionOptions.Default);

    internal static ExperimentDefinition Parse(JsonElement json, string path, ConditionOptions options)
    {
        var reader = DefinitionReader.ForObject(json, path, options);
        return new ExperimentDefinition
        {
            Key = reader.String("key") ?? throw reader.Error("key", "an experiment needs a key."),
            Variations = reader.Values("variations") ?? throw reader.Error("variations", "an experiment needs variations."),
            Weights = reader.Numbers("weights"),
            Coverage = reader.Number("coverage"),
            Ranges = reader.Ranges("ranges"),
            Active = reader.Boolean("active") ?? true,
            Status = reader.String("status"),
            Force = reader.Integer("force"),
            HashAttribute = reader.String("hashAttribute"),
            FallbackAttribute = reader.String("fallbackAttribute"),
            HashVersion = reader.Integer("hashVersion"),
            Seed = reader.String("seed"),
            Namespace = reader.Namespace("namespace"),
            Filters = reader.Filters("filters"),
            Meta = reader.Meta("meta"),
            Condition = reader.Condition("condition"),
            ParentConditions = reader.ParentConditions("parentConditions"),
            Name = reader.String("name"),
            Phase = reader.String("phase"),
            BucketVersion = reader.Integer("bucketVersion"),
            MinBucketVersion = reader.Integer("minBucketVersion"),
            DisableStickyBucketing = reader.Boolean("disableStickyBucketing") ?? false,
            UrlPatterns = reader.List("urlPatterns", (item, itemPath) => ReadUrlPattern(item, itemPath, options)),
            PersistQueryString = reader.Boolean("persistQueryString") ?? false,
        };
    }

    internal static JsonDocument ParseDocument(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new DefinitionParseException(exception.Path ?? "$", "invalid JSON.", exception);
        }
    }

    private static UrlPattern ReadUrlPattern(JsonElement item, string path, ConditionOptions options)
    {
        var reader = DefinitionReader.ForObject(item, path, options);
        return new UrlPattern
        {
            Type = reader.String("type") ?? "simple",
            Pattern = reader.String("pattern") ?? throw reader.Error("pattern", "a URL pattern needs a pattern."),
            Include = reader.Boolean("include") ?? true,
        };
    }
}
