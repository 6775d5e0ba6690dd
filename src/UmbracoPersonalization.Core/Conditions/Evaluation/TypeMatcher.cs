namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary><c>$type</c>: GrowthBook's type names (null for missing too, as GrowthBook reads missing as null).</summary>
internal sealed class TypeMatcher(AttributeKind expected) : ValueMatcher
{
    public override bool Matches(in AttributeValue actual, in EvaluationScope scope) =>
        expected switch
        {
            AttributeKind.Null => actual.IsNullOrMissing,
            AttributeKind.Missing => false,
            _ => actual.Kind == expected,
        };
}
