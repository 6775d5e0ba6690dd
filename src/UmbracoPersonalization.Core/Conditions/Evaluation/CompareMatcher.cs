namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>
/// <c>$lt $lte $gt $gte</c> with JavaScript's relational rules: two strings compare ordinally, anything else
/// compares as numbers ("8" &gt; 5), NaN never matches. GrowthBook lets a missing/null attribute compare as 0;
/// by default we never let it satisfy a comparison (deny by default).
/// </summary>
internal sealed class CompareMatcher(ComparisonOperator op, string? expectedString, double expectedNumber, bool growthBookNulls)
    : ValueMatcher
{
    public override bool Matches(in AttributeValue actual, in EvaluationScope scope)
    {
        if (actual.IsNullOrMissing && !growthBookNulls)
        {
            return false;
        }

        if (expectedString is not null && actual.TryGetString(out var text))
        {
            return op.Accepts(string.CompareOrdinal(text, expectedString));
        }

        var number = JsSemantics.ToNumber(actual);
        if (double.IsNaN(number) || double.IsNaN(expectedNumber))
        {
            return false;
        }

        return op.Accepts(number.CompareTo(expectedNumber));
    }
}
