namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>
/// Implicit string equality, GrowthBook's <c>String(value) === expected</c> (so the number 1 equals "1");
/// case-insensitive inside <c>$alli</c>. Missing/null only equal "null" in GrowthBook mode.
/// </summary>
internal sealed class StringEqualsMatcher(string expected, bool ignoreCase, bool growthBookNulls) : ValueMatcher
{
    public override bool Matches(in AttributeValue actual, in EvaluationScope scope)
    {
        if (actual.IsNullOrMissing && !growthBookNulls)
        {
            return false;
        }

        Span<char> scratch = stackalloc char[JsSemantics.NumberBufferSize];
        var text = JsSemantics.ToJsString(actual, scratch);
        return text.Equals(expected, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }
}
