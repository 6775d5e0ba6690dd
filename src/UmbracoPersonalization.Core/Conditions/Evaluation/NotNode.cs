namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>Negates a condition (<c>$not</c>, and <c>$nor</c> as not-or).</summary>
internal sealed class NotNode(ConditionNode inner) : ConditionNode
{
    public override bool Evaluate(in EvaluationScope scope) => !inner.Evaluate(scope);
}
