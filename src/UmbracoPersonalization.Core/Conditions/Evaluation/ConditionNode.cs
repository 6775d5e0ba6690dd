namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>A compiled, immutable condition over a whole attribute set (<c>$and</c>, <c>$or</c>, a field test, ...).</summary>
internal abstract class ConditionNode
{
    public abstract bool Evaluate(in EvaluationScope scope);
}
