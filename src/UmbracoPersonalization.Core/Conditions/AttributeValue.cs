using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace UmbracoPersonalization.Core.Conditions;

/// <summary>
/// An immutable, JSON-like attribute value. A small struct (kind, number, reference) so that reading
/// attributes while evaluating a condition never allocates.
/// </summary>
public readonly struct AttributeValue : IEquatable<AttributeValue>
{
    private static readonly AttributeValue TrueValue = new(AttributeKind.Boolean, 1, null);
    private static readonly AttributeValue FalseValue = new(AttributeKind.Boolean, 0, null);

    private readonly double _number;
    private readonly object? _reference;

    private AttributeValue(AttributeKind kind, double number, object? reference)
    {
        Kind = kind;
        _number = number;
        _reference = reference;
    }

    /// <summary>Gets the type of this value. <c>default(AttributeValue)</c> is <see cref="AttributeKind.Missing"/>.</summary>
    public AttributeKind Kind { get; }

    /// <summary>Gets the value used for an attribute that is not present.</summary>
    public static AttributeValue Missing => default;

    /// <summary>Gets an explicit null value.</summary>
    public static AttributeValue Null => new(AttributeKind.Null, 0, null);

    /// <summary>Gets a value indicating whether this value is missing or null (JavaScript's "nullish").</summary>
    public bool IsNullOrMissing => Kind is AttributeKind.Missing or AttributeKind.Null;

    /// <summary>Gets the boolean; throws unless <see cref="Kind"/> is <see cref="AttributeKind.Boolean"/>.</summary>
    public bool BooleanValue => Kind == AttributeKind.Boolean ? _number != 0 : throw WrongKind(AttributeKind.Boolean);

    /// <summary>Gets the number; throws unless <see cref="Kind"/> is <see cref="AttributeKind.Number"/>.</summary>
    public double NumberValue => Kind == AttributeKind.Number ? _number : throw WrongKind(AttributeKind.Number);

    /// <summary>Gets the string; throws unless <see cref="Kind"/> is <see cref="AttributeKind.String"/>.</summary>
    public string StringValue => Kind == AttributeKind.String ? (string)_reference! : throw WrongKind(AttributeKind.String);

    /// <summary>Gets the items; throws unless <see cref="Kind"/> is <see cref="AttributeKind.Array"/>.</summary>
    public IReadOnlyList<AttributeValue> ArrayValue =>
        Kind == AttributeKind.Array ? (IReadOnlyList<AttributeValue>)_reference! : throw WrongKind(AttributeKind.Array);

    /// <summary>Gets the properties; throws unless <see cref="Kind"/> is <see cref="AttributeKind.Object"/>.</summary>
    public IReadOnlyDictionary<string, AttributeValue> ObjectValue =>
        Kind == AttributeKind.Object ? (IReadOnlyDictionary<string, AttributeValue>)_reference! : throw WrongKind(AttributeKind.Object);

    /// <summary>Creates a boolean value.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The value.</returns>
    public static AttributeValue From(bool value) => value ? TrueValue : FalseValue;

    /// <summary>Creates a number value.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static AttributeValue From(double value) => new(AttributeKind.Number, value, null);

    /// <summary>Creates a string value; a null string gives <see cref="Null"/>.</summary>
    /// <param name="value">The string.</param>
    /// <returns>The value.</returns>
    public static AttributeValue From(string? value) => value is null ? Null : new(AttributeKind.String, 0, value);

    /// <summary>Creates an array value. The list is held, not copied: do not mutate it afterwards.</summary>
    /// <param name="items">The items.</param>
    /// <returns>The value.</returns>
    public static AttributeValue FromArray(IReadOnlyList<AttributeValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new(AttributeKind.Array, 0, items);
    }

    /// <summary>Creates an object value. The dictionary is held, not copied: do not mutate it afterwards.</summary>
    /// <param name="properties">The properties.</param>
    /// <returns>The value.</returns>
    public static AttributeValue FromObject(IReadOnlyDictionary<string, AttributeValue> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return new(AttributeKind.Object, 0, properties);
    }

    /// <summary>Converts a JSON element (deeply) into an attribute value. Meant for set-up time, not the hot path.</summary>
    /// <param name="element">The JSON element; an undefined element gives <see cref="Missing"/>.</param>
    /// <returns>The value.</returns>
    public static AttributeValue FromJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Undefined:
                return Missing;
            case JsonValueKind.Null:
                return Null;
            case JsonValueKind.True:
                return TrueValue;
            case JsonValueKind.False:
                return FalseValue;
            case JsonValueKind.Number:
                return From(element.GetDouble());
            case JsonValueKind.String:
                return From(element.GetString());
            case JsonValueKind.Array:
                var items = new AttributeValue[element.GetArrayLength()];
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    items[i++] = FromJson(item);
                }

                return FromArray(items);
            default:
                var properties = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    // Last one wins for duplicate keys, as in JavaScript's JSON.parse.
                    properties[property.Name] = FromJson(property.Value);
                }

                return FromObject(properties);
        }
    }

    /// <summary>Gets the boolean when <see cref="Kind"/> is <see cref="AttributeKind.Boolean"/>.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns><c>true</c> when this is a boolean.</returns>
    public bool TryGetBoolean(out bool value)
    {
        value = _number != 0;
        return Kind == AttributeKind.Boolean;
    }

    /// <summary>Gets the number when <see cref="Kind"/> is <see cref="AttributeKind.Number"/>.</summary>
    /// <param name="value">The number.</param>
    /// <returns><c>true</c> when this is a number.</returns>
    public bool TryGetNumber(out double value)
    {
        value = _number;
        return Kind == AttributeKind.Number;
    }

    /// <summary>Gets the string when <see cref="Kind"/> is <see cref="AttributeKind.String"/>.</summary>
    /// <param name="value">The string.</param>
    /// <returns><c>true</c> when this is a string.</returns>
    public bool TryGetString([NotNullWhen(true)] out string? value)
    {
        value = _reference as string;
        return Kind == AttributeKind.String;
    }

    /// <summary>Gets the items when <see cref="Kind"/> is <see cref="AttributeKind.Array"/>.</summary>
    /// <param name="value">The items.</param>
    /// <returns><c>true</c> when this is an array.</returns>
    public bool TryGetArray([NotNullWhen(true)] out IReadOnlyList<AttributeValue>? value)
    {
        value = Kind == AttributeKind.Array ? (IReadOnlyList<AttributeValue>)_reference! : null;
        return value is not null;
    }

    /// <summary>Gets the properties when <see cref="Kind"/> is <see cref="AttributeKind.Object"/>.</summary>
    /// <param name="value">The properties.</param>
    /// <returns><c>true</c> when this is an object.</returns>
    public bool TryGetObject([NotNullWhen(true)] out IReadOnlyDictionary<string, AttributeValue>? value)
    {
        value = Kind == AttributeKind.Object ? (IReadOnlyDictionary<string, AttributeValue>)_reference! : null;
        return value is not null;
    }

    /// <summary>Deep, structural equality (arrays in order, objects by key, numbers by value).</summary>
    /// <param name="other">The other value.</param>
    /// <returns><c>true</c> when both hold the same JSON value.</returns>
    public bool Equals(AttributeValue other) => Evaluation.JsSemantics.DeepEquals(this, other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AttributeValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Kind switch
    {
        AttributeKind.Boolean or AttributeKind.Number => HashCode.Combine(Kind, _number),
        AttributeKind.String => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode((string)_reference!)),
        AttributeKind.Array => HashCode.Combine(Kind, ((IReadOnlyList<AttributeValue>)_reference!).Count),
        AttributeKind.Object => HashCode.Combine(Kind, ((IReadOnlyDictionary<string, AttributeValue>)_reference!).Count),
        _ => (int)Kind,
    };

    /// <summary>Returns a JSON-like rendering, for diagnostics.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Evaluation.JsSemantics.ToJson(this);

    /// <summary>Compares two values structurally.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(AttributeValue left, AttributeValue right) => left.Equals(right);

    /// <summary>Compares two values structurally.</summary>
    /// <param name="left">The left value.</param>
    /// <param name="right">The right value.</param>
    /// <returns><c>true</c> when not equal.</returns>
    public static bool operator !=(AttributeValue left, AttributeValue right) => !left.Equals(right);

    internal double RawNumber => _number;

    internal object? RawReference => _reference;

    private InvalidOperationException WrongKind(AttributeKind expected) =>
        new($"The attribute value is {Kind}, not {expected}.");
}
