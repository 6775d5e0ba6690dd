namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary><c>$exists</c>: an attribute exists when it is neither missing nor null.</summary>
internal sealed class ExistsMatcher(bool expected) : ValueMatcher
{
    public override bool Matches(in AttributeValue actual, in EvaluationScope scope) => actual.IsNullOrMissing != expected;
}
