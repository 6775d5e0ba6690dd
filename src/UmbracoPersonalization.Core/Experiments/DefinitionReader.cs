using System.Text.Json;
using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Experiments;

/// <summary>
/// Typed reads of GrowthBook definition JSON with paths in every error. Absent or null properties read as null;
/// unknown properties are ignored (GrowthBook adds fields over time).
/// </summary>
internal readonly struct DefinitionReader(JsonElement json, string path, ConditionOptions options)
{
    public static DefinitionReader ForObject(JsonElement json, string path, ConditionOptions options) =>
        json.ValueKind == JsonValueKind.Object
            ? new DefinitionReader(json, path, options)
            : throw new DefinitionParseException(path, "expected a JSON object.");

    public bool Has(string name) => json.TryGetProperty(name, out _);

    public JsonElement? Element(string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    public string? String(string name) => Element(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        _ => throw Error(name, "expected a string."),
    };

    public double? Number(string name) => Element(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } value => value.GetDouble(),
        _ => throw Error(name, "expected a number."),
    };

    public int? Integer(string name) => Element(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt32(out var number) => number,
        _ => throw Error(name, "expected an integer."),
    };

    public bool? Boolean(string name) => Element(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw Error(name, "expected a boolean."),
    };

    public IReadOnlyList<T>? List<T>(string name, Func<JsonElement, string, T> read)
    {
        if (Element(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(name, "expected an array.");
        }

        var items = new T[value.GetArrayLength()];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            items[i] = read(item, $"{path}.{name}[{i}]");
            i++;
        }

        return items;
    }

    public IReadOnlyList<JsonElement>? Values(string name) => List(name, static (item, _) => item.Clone());

    public IReadOnlyList<double>? Numbers(string name) => List(name, static (item, itemPath) =>
        item.ValueKind == JsonValueKind.Number ? item.GetDouble() : throw new DefinitionParseException(itemPath, "expected a number."));

    public IReadOnlyList<BucketRange>? Ranges(string name) => List(name, ReadRange);

    public BucketRange? Range(string name) => Element(name) is { } value ? ReadRange(value, $"{path}.{name}") : null;

    public ExperimentNamespace? Namespace(string name)
    {
        if (Element(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 3
            || value[0].ValueKind != JsonValueKind.String || value[1].ValueKind != JsonValueKind.Number || value[2].ValueKind != JsonValueKind.Number)
        {
            throw Error(name, "expected [id, start, end].");
        }

        return new ExperimentNamespace(value[0].GetString()!, value[1].GetDouble(), value[2].GetDouble());
    }

    public Condition? Condition(string name)
    {
        if (Element(name) is not { } value)
        {
            return null;
        }

        var conditionPath = $"{path}.{name}";
        try
        {
            return Conditions.Condition.Parse(value, options, conditionPath);
        }
        catch (ConditionParseException exception)
        {
            throw new DefinitionParseException(exception.Path, exception.Reason, exception);
        }
    }

    public IReadOnlyList<ExperimentFilter>? Filters(string name)
    {
        var conditionOptions = options;
        return List(name, (item, itemPath) =>
        {
            var reader = ForObject(item, itemPath, conditionOptions);
            return new ExperimentFilter
            {
                Attribute = reader.String("attribute"),
                Seed = reader.String("seed") ?? string.Empty,
                HashVersion = reader.Integer("hashVersion"),
                Ranges = reader.Ranges("ranges") ?? [],
            };
        });
    }

    public IReadOnlyList<VariationMeta>? Meta(string name)
    {
        var conditionOptions = options;
        return List(name, (item, itemPath) =>
        {
            var reader = ForObject(item, itemPath, conditionOptions);
            return new VariationMeta { Key = reader.String("key"), Name = reader.String("name"), Passthrough = reader.Boolean("passthrough") ?? false };
        });
    }

    public IReadOnlyList<ParentCondition>? ParentConditions(string name)
    {
        var conditionOptions = options;
        return List(name, (item, itemPath) =>
        {
            var reader = ForObject(item, itemPath, conditionOptions);
            return new ParentCondition
            {
                Id = reader.String("id") ?? throw new DefinitionParseException(itemPath + ".id", "a prerequisite needs a feature id."),
                Condition = reader.Condition("condition") ?? Conditions.Condition.Always,
                Gate = reader.Boolean("gate") ?? false,
            };
        });
    }

    public DefinitionParseException Error(string name, string reason) => new($"{path}.{name}", reason);

    private static BucketRange ReadRange(JsonElement item, string itemPath) =>
        item.ValueKind == JsonValueKind.Array && item.GetArrayLength() == 2
        && item[0].ValueKind == JsonValueKind.Number && item[1].ValueKind == JsonValueKind.Number
            ? new BucketRange(item[0].GetDouble(), item[1].GetDouble())
            : throw new DefinitionParseException(itemPath, "expected [start, end].");
}
