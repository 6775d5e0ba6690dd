using System.Text.Json;

namespace UmbracoPersonalization.Core.Conditions;

/// <summary>
/// Attributes read from a JSON object (converted once at construction, so lookups do not touch JSON).
/// </summary>
public sealed class JsonAttributeSource : IAttributeSource
{
    private static readonly IReadOnlyDictionary<string, AttributeValue> Empty = new Dictionary<string, AttributeValue>();
    private readonly IReadOnlyDictionary<string, AttributeValue> _root;

    /// <summary>Initializes a new instance of the <see cref="JsonAttributeSource"/> class.</summary>
    /// <param name="attributes">A JSON object; null or undefined means no attributes.</param>
    /// <exception cref="ArgumentException">The element is neither an object, null nor undefined.</exception>
    public JsonAttributeSource(JsonElement attributes)
    {
        _root = attributes.ValueKind switch
        {
            JsonValueKind.Object => AttributeValue.FromJson(attributes).ObjectValue,
            JsonValueKind.Undefined or JsonValueKind.Null => Empty,
            _ => throw new ArgumentException("Attributes must be a JSON object.", nameof(attributes)),
        };
    }

    /// <summary>Gets the top-level attributes.</summary>
    public IReadOnlyDictionary<string, AttributeValue> Values => _root;

    /// <inheritdoc />
    public bool TryGetValue(AttributePath path, out AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.TryResolve(_root, out value);
    }
}
