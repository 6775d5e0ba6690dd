namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>
/// Implicit equality with an array or a plain object. GrowthBook compares JSON texts, so key order matters there;
/// we compare structurally (arrays in order, objects by key), which only differs for reordered object keys.
/// </summary>
internal sealed class DeepEqualsMatcher(AttributeValue expected) : ValueMatcher
{
    public override bool Matches(in AttributeValue actual, in EvaluationScope scope) => JsSemantics.DeepEquals(actual, expected);
}
