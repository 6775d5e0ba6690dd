namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary><c>$all</c> / <c>$alli</c>: every expected condition value matches at least one array element.</summary>
internal sealed class AllMatcher(ValueMatcher[] expected) : ValueMatcher
{
    public override bool Matches(in AttributeValue actual, in EvaluationScope scope)
    {
        if (!actual.TryGetArray(out var items))
        {
            return false;
        }

        foreach (var matcher in expected)
        {
            var found = false;
            for (var i = 0; i < items.Count && !found; i++)
            {
                found = matcher.Matches(items[i], scope);
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }
}
