namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>
/// <c>$elemMatch</c>: some non-null element matches; an operator object tests elements as values, any other
/// object is a full condition over each element (for arrays of objects).
/// </summary>
internal sealed class ElemMatchMatcher : ValueMatcher
{
    private readonly ValueMatcher? _valueMatcher;
    private readonly ConditionNode? _condition;

    public ElemMatchMatcher(ValueMatcher valueMatcher) => _valueMatcher = valueMatcher;

    public ElemMatchMatcher(ConditionNode condition) => _condition = condition;

    public override bool Matches(in AttributeValue actual, in EvaluationScope scope)
    {
        if (!actual.TryGetArray(out var items))
        {
            return false;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.IsNullOrMissing)
            {
                continue;
            }

            var matched = _valueMatcher is not null
                ? _valueMatcher.Matches(item, scope)
                : _condition!.Evaluate(new EvaluationScope(item, scope.Groups));
            if (matched)
            {
                return true;
            }
        }

        return false;
    }
}
