using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Experiments;

/// <summary>Evaluates prerequisite features and tests their values, as GrowthBook does.</summary>
internal static class Prerequisites
{
    // Each parent restarts from "evaluated": for feature rules, the chain as it was before the first rule (siblings
    // and earlier rules must not look like cycles); for experiments, the chain as it is now.
    public static PrerequisiteOutcome Check(
        IReadOnlyList<ParentCondition> parents, EvaluationContext context, EvaluationStack stack, HashSet<string>? evaluated = null)
    {
        evaluated ??= new HashSet<string>(stack.Evaluated, StringComparer.Ordinal);
        foreach (var parent in parents)
        {
            stack.Evaluated = new HashSet<string>(evaluated, StringComparer.Ordinal);
            var result = FeatureEvaluator.Evaluate(parent.Id, context, stack);
            if (result.Source == FeatureResultSource.CyclicPrerequisite)
            {
                return PrerequisiteOutcome.Cyclic;
            }

            var value = new AttributeDictionary().Set("value", AttributeValue.FromJson(result.Value));
            if (!parent.Condition.IsMatch(value, context.SavedGroups))
            {
                return parent.Gate ? PrerequisiteOutcome.Blocked : PrerequisiteOutcome.Skipped;
            }
        }

        return PrerequisiteOutcome.Passed;
    }
}
