using System.Collections.Concurrent;
using UmbracoPersonalization.Core.Conditions;
using UmbracoPersonalization.Core.Conditions.Evaluation;

namespace UmbracoPersonalization.Core.Experiments;

/// <summary>Reads the attribute an experiment hashes on, with GrowthBook's fallback and truthiness rules.</summary>
internal static class HashAttributes
{
    private static readonly ConcurrentDictionary<string, AttributePath> Paths = new(StringComparer.Ordinal);
    private static readonly AttributeValue Empty = AttributeValue.From(string.Empty);

    /// <summary>Gets the attribute used and its value; an empty string when neither attribute has a truthy value.</summary>
    public static (string Attribute, AttributeValue Value) Get(EvaluationContext context, string? attribute, string? fallback)
    {
        var name = string.IsNullOrEmpty(attribute) ? "id" : attribute;
        if (TryGetTruthy(context, name, out var value))
        {
            return (name, value);
        }

        if (!string.IsNullOrEmpty(fallback) && TryGetTruthy(context, fallback, out var fallbackValue))
        {
            return (fallback, fallbackValue);
        }

        return (name, Empty);
    }

    /// <summary>JavaScript's <c>String(value)</c>, the text that is hashed.</summary>
    public static string ToHashString(in AttributeValue value)
    {
        if (value.TryGetString(out var text))
        {
            return text;
        }

        Span<char> scratch = stackalloc char[JsSemantics.NumberBufferSize];
        return new string(JsSemantics.ToJsString(value, scratch));
    }

    /// <summary>GrowthBook's <c>toString</c> for sticky-bucket keys: strings as-is, anything else as JSON.</summary>
    public static string ToStickyString(in AttributeValue value) => value.TryGetString(out var text) ? text : JsSemantics.ToJson(value);

    private static bool TryGetTruthy(EvaluationContext context, string name, out AttributeValue value)
    {
        var path = Paths.GetOrAdd(name, AttributePath.Parse);
        return context.Attributes.TryGetValue(path, out value) && JsSemantics.IsTruthy(value);
    }
}
