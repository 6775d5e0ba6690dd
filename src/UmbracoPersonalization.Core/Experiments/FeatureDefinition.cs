using System.Text.Json;
using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Experiments;

/// <summary>A feature flag in GrowthBook's model: a default value and ordered rules. Immutable.</summary>
public sealed class FeatureDefinition
{
    private static readonly JsonElement NullElement = JsonDocument.Parse("null").RootElement.Clone();

    /// <summary>Gets the value when no rule applies (a JSON null element when absent).</summary>
    public JsonElement DefaultValue { get; init; } = NullElement;

    /// <summary>Gets the rules, tried in order.</summary>
    public IReadOnlyList<FeatureRule> Rules { get; init; } = [];

    /// <summary>Gets a JSON null element (GrowthBook's null value).</summary>
    internal static JsonElement Null => NullElement;

    /// <summary>Parses one GrowthBook feature (<c>{"defaultValue": ..., "rules": [...]}</c>).</summary>
    /// <param name="json">The JSON object.</param>
    /// <param name="options">Condition options; <see cref="ConditionOptions.Default"/> when null.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="DefinitionParseException">The JSON is invalid; the path says where.</exception>
    public static FeatureDefinition Parse(JsonElement json, ConditionOptions? options = null) =>
        Parse(json, "$", options ?? ConditionOptions.Default);

    /// <summary>Parses GrowthBook's <c>features</c> object (feature key to feature).</summary>
    /// <param name="json">The JSON object.</param>
    /// <param name="options">Condition options; <see cref="ConditionOptions.Default"/> when null.</param>
    /// <returns>The features by key.</returns>
    /// <exception cref="DefinitionParseException">The JSON is invalid; the path says where.</exception>
    public static IReadOnlyDictionary<string, FeatureDefinition> ParseAll(JsonElement json, ConditionOptions? options = null)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new DefinitionParseException("$", "expected an object of feature key to feature.");
        }

        var features = new Dictionary<string, FeatureDefinition>(StringComparer.Ordinal);
        foreach (var feature in json.EnumerateObject())
        {
            features[feature.Name] = Parse(feature.Value, $"$.{feature.Name}", options ?? ConditionOptions.Default);
        }

        return features;
    }

    /// <summary>Parses GrowthBook's <c>features</c> JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">Condition options; <see cref="ConditionOptions.Default"/> when null.</param>
    /// <returns>The features by key.</returns>
    public static IReadOnlyDictionary<string, FeatureDefinition> ParseAll(string json, ConditionOptions? options = null)
    {
        using var document = ExperimentDefinition.ParseDocument(json);
        return ParseAll(document.RootElement, options);
    }

    private static FeatureDefinition Parse(JsonElement json, string path, ConditionOptions options)
    {
        var reader = DefinitionReader.ForObject(json, path, options);
        return new FeatureDefinition
        {
            DefaultValue = json.TryGetProperty("defaultValue", out var value) ? value.Clone() : NullElement,
            Rules = reader.List("rules", (item, itemPath) => FeatureRule.Parse(item, itemPath, options)) ?? [],
        };
    }
}
