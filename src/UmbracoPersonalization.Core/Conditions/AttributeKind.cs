namespace UmbracoPersonalization.Core.Conditions;

/// <summary>The JSON-like type of an <see cref="AttributeValue"/>.</summary>
public enum AttributeKind
{
    /// <summary>The attribute is not present at all.</summary>
    Missing = 0,

    /// <summary>The attribute is present with an explicit null value.</summary>
    Null,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>A number (held as a <see cref="double"/>, as in JSON and JavaScript).</summary>
    Number,

    /// <summary>A string.</summary>
    String,

    /// <summary>An ordered list of values.</summary>
    Array,

    /// <summary>A map of string keys to values.</summary>
    Object,
}
