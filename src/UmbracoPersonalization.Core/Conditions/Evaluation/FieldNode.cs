namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>Looks up one attribute path and tests its value.</summary>
internal sealed class FieldNode(AttributePath path, ValueMatcher matcher) : ConditionNode
{
    public override bool Evaluate(in EvaluationScope scope)
    {
        var value = scope.Lookup(path);
        return matcher.Matches(value, scope);
    }
}
