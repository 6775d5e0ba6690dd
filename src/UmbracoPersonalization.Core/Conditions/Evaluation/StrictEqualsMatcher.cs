namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>
/// <c>$eq</c> / <c>$ne</c>: JavaScript's <c>===</c>, same type and value, no conversion. Arrays and objects are
/// never <c>===</c> in GrowthBook (reference equality), so they never match <c>$eq</c>.
/// </summary>
internal sealed class StrictEqualsMatcher(AttributeValue expected, bool negate) : ValueMatcher
{
    public override bool Matches(in AttributeValue actual, in EvaluationScope scope) => StrictEquals(actual) != negate;

    private bool StrictEquals(in AttributeValue actual)
    {
        if (expected.IsNullOrMissing)
        {
            return actual.IsNullOrMissing;
        }

        if (actual.Kind != expected.Kind)
        {
            return false;
        }

        return expected.Kind switch
        {
            AttributeKind.Boolean or AttributeKind.Number => actual.RawNumber == expected.RawNumber,
            AttributeKind.String => string.Equals((string)actual.RawReference!, (string)expected.RawReference!, StringComparison.Ordinal),
            _ => false,
        };
    }
}
