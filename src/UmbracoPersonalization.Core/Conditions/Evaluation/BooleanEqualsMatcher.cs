namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>Implicit boolean equality by truthiness; missing/null never match (as in GrowthBook).</summary>
internal sealed class BooleanEqualsMatcher(bool expected) : ValueMatcher
{
    public override bool Matches(in AttributeValue actual, in EvaluationScope scope) =>
        !actual.IsNullOrMissing && JsSemantics.IsTruthy(actual) == expected;
}
