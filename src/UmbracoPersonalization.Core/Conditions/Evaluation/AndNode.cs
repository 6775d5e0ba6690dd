namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>All children must match (short-circuits); no children matches everything.</summary>
internal sealed class AndNode(ConditionNode[] children) : ConditionNode
{
    public static AndNode Empty { get; } = new([]);

    public override bool Evaluate(in EvaluationScope scope)
    {
        foreach (var child in children)
        {
            if (!child.Evaluate(scope))
            {
                return false;
            }
        }

        return true;
    }
}
