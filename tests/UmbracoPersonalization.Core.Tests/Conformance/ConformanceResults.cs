using System.Text.Json;
using System.Text.Json.Nodes;
using UmbracoPersonalization.Core.Conditions;
using UmbracoPersonalization.Core.Experiments;

namespace UmbracoPersonalization.Core.Tests.Conformance;

/// <summary>Renders our typed results in GrowthBook's JSON shape, and compares JSON structurally.</summary>
public static class ConformanceResults
{
    /// <summary>Renders a feature result.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The JSON.</returns>
    public static JsonObject Feature(FeatureResult result)
    {
        var json = new JsonObject
        {
            ["value"] = Node(result.Value),
            ["on"] = result.On,
            ["off"] = result.Off,
            ["source"] = JsonNamingPolicy.CamelCase.ConvertName(result.Source.ToString()),
            ["ruleId"] = result.RuleId,
        };
        if (result.Experiment is { } experiment)
        {
            json["experiment"] = Experiment(experiment);
        }

        if (result.ExperimentResult is { } experimentResult)
        {
            json["experimentResult"] = Experiment(experimentResult);
        }

        return json;
    }

    /// <summary>Renders an experiment result.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The JSON.</returns>
    public static JsonObject Experiment(ExperimentResult result)
    {
        var json = new JsonObject
        {
            ["featureId"] = result.FeatureId,
            ["value"] = Node(result.Value),
            ["variationId"] = result.VariationId,
            ["inExperiment"] = result.InExperiment,
            ["hashUsed"] = result.HashUsed,
            ["hashAttribute"] = result.HashAttribute,
            ["hashValue"] = JsonNode.Parse(result.HashValue.ToString()),
            ["key"] = result.Key,
            ["stickyBucketUsed"] = result.StickyBucketUsed,
        };
        Add(json, "bucket", result.Bucket);
        Add(json, "name", result.Name);
        if (result.Passthrough)
        {
            json["passthrough"] = true;
        }

        return json;
    }

    /// <summary>Renders an experiment definition (only the fields that are set).</summary>
    /// <param name="experiment">The experiment.</param>
    /// <returns>The JSON.</returns>
    public static JsonObject Experiment(ExperimentDefinition experiment)
    {
        var json = new JsonObject { ["key"] = experiment.Key, ["variations"] = new JsonArray([.. experiment.Variations.Select(Node)]) };
        Add(json, "coverage", experiment.Coverage);
        Add(json, "weights", experiment.Weights is { } w ? new JsonArray([.. w.Select(x => (JsonNode)x)]) : null);
        Add(json, "hashAttribute", experiment.HashAttribute);
        Add(json, "fallbackAttribute", experiment.FallbackAttribute);
        Add(json, "bucketVersion", experiment.BucketVersion);
        Add(json, "minBucketVersion", experiment.MinBucketVersion);
        Add(json, "namespace", experiment.Namespace is { } ns ? new JsonArray(ns.Id, ns.Start, ns.End) : null);
        Add(json, "ranges", experiment.Ranges is { } r ? Ranges(r) : null);
        Add(json, "name", experiment.Name);
        Add(json, "phase", experiment.Phase);
        Add(json, "seed", experiment.Seed);
        Add(json, "hashVersion", experiment.HashVersion);
        Add(json, "condition", experiment.Condition is { } c ? JsonNode.Parse(c.Source) : null);
        Add(json, "meta", experiment.Meta is { } meta ? new JsonArray([.. meta.Select(Meta)]) : null);
        Add(json, "filters", experiment.Filters is { } filters ? new JsonArray([.. filters.Select(Filter)]) : null);
        if (experiment.DisableStickyBucketing)
        {
            json["disableStickyBucketing"] = true;
        }

        return json;
    }

    /// <summary>Compares JSON structurally: numbers by value, object keys in any order.</summary>
    /// <param name="expected">The expected JSON.</param>
    /// <param name="actual">The actual JSON.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool JsonEquals(JsonNode? expected, JsonNode? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (JsonObject e, JsonObject a) => e.Count == a.Count && e.All(p => a.TryGetPropertyValue(p.Key, out var v) && JsonEquals(p.Value, v)),
        (JsonArray e, JsonArray a) => e.Count == a.Count && e.Zip(a).All(pair => JsonEquals(pair.First, pair.Second)),
        (JsonValue e, JsonValue a) when e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number =>
            Math.Abs(Number(e) - Number(a)) < 1e-9,
        (JsonValue e, JsonValue a) => e.ToJsonString() == a.ToJsonString(),
        _ => false,
    };

    private static double Number(JsonValue value) => double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private static JsonNode? Node(JsonElement element) =>
        element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : JsonNode.Parse(element.GetRawText());

    private static JsonArray Ranges(IEnumerable<BucketRange> ranges) => new([.. ranges.Select(r => (JsonNode)new JsonArray(r.Start, r.End))]);

    private static JsonNode Meta(VariationMeta meta)
    {
        var json = new JsonObject();
        Add(json, "key", meta.Key);
        Add(json, "name", meta.Name);
        if (meta.Passthrough)
        {
            json["passthrough"] = true;
        }

        return json;
    }

    private static JsonNode Filter(ExperimentFilter filter)
    {
        var json = new JsonObject { ["seed"] = filter.Seed, ["ranges"] = Ranges(filter.Ranges) };
        Add(json, "attribute", filter.Attribute);
        Add(json, "hashVersion", filter.HashVersion);
        return json;
    }

    private static void Add(JsonObject json, string name, JsonNode? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
