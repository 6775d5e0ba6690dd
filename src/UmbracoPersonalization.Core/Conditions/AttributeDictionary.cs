namespace UmbracoPersonalization.Core.Conditions;

/// <summary>
/// A mutable, reusable bag of top-level attributes (nested values through <see cref="AttributeValue.FromObject"/>).
/// Lookups walk dotted paths into objects; a key that itself contains dots is matched exactly first.
/// Not thread-safe: fill it, then evaluate.
/// </summary>
public sealed class AttributeDictionary : IAttributeSource
{
    private readonly Dictionary<string, AttributeValue> _values = new(StringComparer.Ordinal);

    /// <summary>Gets the number of top-level attributes.</summary>
    public int Count => _values.Count;

    /// <summary>Gets the top-level attributes.</summary>
    public IReadOnlyDictionary<string, AttributeValue> Values => _values;

    /// <summary>Sets (adds or replaces) a top-level attribute.</summary>
    /// <param name="key">The key; may contain dots, it is then matched as a whole.</param>
    /// <param name="value">The value.</param>
    /// <returns>This dictionary, for chaining.</returns>
    public AttributeDictionary Set(string key, AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        _values[key] = value;
        return this;
    }

    /// <summary>Removes a top-level attribute.</summary>
    /// <param name="key">The key.</param>
    /// <returns><c>true</c> when it was present.</returns>
    public bool Remove(string key) => _values.Remove(key);

    /// <summary>Removes every attribute, keeping the storage for reuse.</summary>
    public void Clear() => _values.Clear();

    /// <inheritdoc />
    public bool TryGetValue(AttributePath path, out AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.TryResolve(_values, out value);
    }
}
