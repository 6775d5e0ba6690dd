namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>A field-level <c>$not</c>.</summary>
internal sealed class NotMatcher(ValueMatcher inner) : ValueMatcher
{
    public override bool Matches(in AttributeValue actual, in EvaluationScope scope) => !inner.Matches(actual, scope);
}
