namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>An explicit <c>null</c> condition: matches a null or missing attribute.</summary>
internal sealed class NullMatcher : ValueMatcher
{
    public static NullMatcher Instance { get; } = new();

    public override bool Matches(in AttributeValue actual, in EvaluationScope scope) => actual.IsNullOrMissing;
}
