using System.Text.RegularExpressions;

namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>
/// <c>$regex</c> / <c>$regexi</c>: the regex is built once at parse time with a match timeout; a timeout makes the
/// test false instead of throwing. Non-string attributes are matched as JavaScript would stringify them.
/// </summary>
internal sealed class RegexMatcher(Regex regex, bool growthBookNulls) : ValueMatcher
{
    public override bool Matches(in AttributeValue actual, in EvaluationScope scope)
    {
        if (actual.IsNullOrMissing && !growthBookNulls)
        {
            return false;
        }

        Span<char> scratch = stackalloc char[JsSemantics.NumberBufferSize];
        var text = JsSemantics.ToJsString(actual, scratch);
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological pattern or input must cost a page a few milliseconds, never an error.
            return false;
        }
    }
}
