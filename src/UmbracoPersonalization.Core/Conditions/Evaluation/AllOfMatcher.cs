namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>An operator object with several operators: every one must match.</summary>
internal sealed class AllOfMatcher(ValueMatcher[] matchers) : ValueMatcher
{
    public override bool Matches(in AttributeValue actual, in EvaluationScope scope)
    {
        foreach (var matcher in matchers)
        {
            if (!matcher.Matches(actual, scope))
            {
                return false;
            }
        }

        return true;
    }
}
