namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>
/// Implicit number equality, GrowthBook's <c>value * 1 === expected</c> (so "8" equals 8).
/// Missing/null count as 0 only in GrowthBook mode.
/// </summary>
internal sealed class NumberEqualsMatcher(double expected, bool growthBookNulls) : ValueMatcher
{
    public override bool Matches(in AttributeValue actual, in EvaluationScope scope)
    {
        if (actual.IsNullOrMissing && !growthBookNulls)
        {
            return false;
        }

        return JsSemantics.ToNumber(actual) == expected;
    }
}
