namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>Any child must match (short-circuits); GrowthBook treats an empty <c>$or</c> as matching.</summary>
internal sealed class OrNode(ConditionNode[] children) : ConditionNode
{
    public override bool Evaluate(in EvaluationScope scope)
    {
        if (children.Length == 0)
        {
            return true;
        }

        foreach (var child in children)
        {
            if (child.Evaluate(scope))
            {
                return true;
            }
        }

        return false;
    }
}
