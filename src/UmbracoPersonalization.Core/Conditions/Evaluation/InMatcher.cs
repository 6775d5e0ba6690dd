namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary><c>$in $nin $ini $nini</c>: membership (intersection for array attributes) in a precomputed set.</summary>
internal sealed class InMatcher(ValueSet set, bool negate) : ValueMatcher
{
    public override bool Matches(in AttributeValue actual, in EvaluationScope scope) => set.ContainsAny(actual) != negate;
}
