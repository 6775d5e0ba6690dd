namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary><c>$size</c>: the array's length tested against a nested condition value (a number or operators).</summary>
internal sealed class SizeMatcher(ValueMatcher inner) : ValueMatcher
{
    public override bool Matches(in AttributeValue actual, in EvaluationScope scope) =>
        actual.TryGetArray(out var items) && inner.Matches(AttributeValue.From(items.Count), scope);
}
