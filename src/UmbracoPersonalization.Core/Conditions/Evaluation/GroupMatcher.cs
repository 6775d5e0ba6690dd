namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>
/// <c>$inGroup</c> / <c>$notInGroup</c>: membership in a saved group supplied at evaluation time. An unknown group
/// is empty (so <c>$notInGroup</c> passes, as in GrowthBook); a malformed group matches nobody either way.
/// </summary>
internal sealed class GroupMatcher(string groupId, bool negate) : ValueMatcher
{
    public override bool Matches(in AttributeValue actual, in EvaluationScope scope)
    {
        if (!scope.Groups.TryGetSet(groupId, out var set))
        {
            return negate;
        }

        return set is not null && set.ContainsAny(actual) != negate;
    }
}
