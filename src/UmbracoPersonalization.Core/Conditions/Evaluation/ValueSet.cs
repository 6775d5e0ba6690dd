namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>
/// A set of scalar values with JavaScript <c>includes</c> semantics (strict: "2" is not 2), hashed once so that
/// <c>$in</c> and saved-group lookups are O(1) and allocation-free.
/// </summary>
internal sealed class ValueSet
{
    private readonly HashSet<string> _strings;
    private readonly HashSet<double> _numbers = [];
    private bool _hasTrue;
    private bool _hasFalse;
    private bool _hasNull;

    public ValueSet(IEnumerable<AttributeValue> values, bool ignoreCase)
    {
        _strings = new HashSet<string>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var value in values)
        {
            switch (value.Kind)
            {
                case AttributeKind.String:
                    _strings.Add(value.StringValue);
                    break;
                case AttributeKind.Number:
                    _numbers.Add(value.NumberValue);
                    break;
                case AttributeKind.Boolean:
                    _hasTrue |= value.BooleanValue;
                    _hasFalse |= !value.BooleanValue;
                    break;
                case AttributeKind.Null:
                case AttributeKind.Missing:
                    _hasNull = true;
                    break;

                // Arrays and objects are compared by reference in JavaScript, so they can never be found.
            }
        }
    }

    public static ValueSet Empty { get; } = new([], ignoreCase: false);

    public int Count => _strings.Count + _numbers.Count + (_hasTrue ? 1 : 0) + (_hasFalse ? 1 : 0) + (_hasNull ? 1 : 0);

    public bool Contains(in AttributeValue value) => value.Kind switch
    {
        AttributeKind.String => _strings.Contains((string)value.RawReference!),
        AttributeKind.Number => _numbers.Contains(value.RawNumber),
        AttributeKind.Boolean => value.RawNumber != 0 ? _hasTrue : _hasFalse,
        AttributeKind.Null or AttributeKind.Missing => _hasNull,
        _ => false,
    };

    /// <summary>GrowthBook's <c>isIn</c>: for an array attribute, any element in the set (an intersection).</summary>
    public bool ContainsAny(in AttributeValue value)
    {
        if (!value.TryGetArray(out var items))
        {
            return Contains(value);
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (Contains(items[i]))
            {
                return true;
            }
        }

        return false;
    }
}
