using System.Text.Json;
using UmbracoPersonalization.Core.Conditions.Evaluation;

namespace UmbracoPersonalization.Core.Experiments;

/// <summary>
/// Evaluates a feature flag exactly as GrowthBook's <c>evalFeature</c>: overrides, prerequisites, filters, force and
/// rollout rules, experiment rules (with passthrough), then the default value. Pure.
/// </summary>
public static class FeatureEvaluator
{
    /// <summary>Evaluates the feature <paramref name="key"/> from <see cref="EvaluationContext.Features"/>.</summary>
    /// <param name="key">The feature key.</param>
    /// <param name="context">The visitor's context.</param>
    /// <returns>The value and why.</returns>
    public static FeatureResult Evaluate(string key, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(context);
        return Evaluate(key, context, new EvaluationStack());
    }

    /// <summary>Gets JavaScript truthiness of a JSON value (a feature is "on" when truthy).</summary>
    /// <param name="value">The value.</param>
    /// <returns><c>true</c> unless null, false, 0, NaN or "".</returns>
    public static bool IsTruthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.Object or JsonValueKind.Array => true,
        JsonValueKind.Number => value.GetDouble() != 0,
        JsonValueKind.String => value.GetString()!.Length > 0,
        _ => false,
    };

    internal static FeatureResult Evaluate(string key, EvaluationContext context, EvaluationStack stack)
    {
        if (!stack.Evaluated.Add(key))
        {
            return Result(FeatureDefinition.Null, FeatureResultSource.CyclicPrerequisite);
        }

        if (context.ForcedFeatureValues.TryGetValue(key, out var forced))
        {
            return Result(forced, FeatureResultSource.Override);
        }

        if (!context.Features.TryGetValue(key, out var feature))
        {
            return Result(FeatureDefinition.Null, FeatureResultSource.UnknownFeature);
        }

        var evaluatedBeforeRules = new HashSet<string>(stack.Evaluated, StringComparer.Ordinal);
        foreach (var rule in feature.Rules)
        {
            if (rule.ParentConditions is { } parents)
            {
                switch (Prerequisites.Check(parents, context, stack, evaluatedBeforeRules))
                {
                    case PrerequisiteOutcome.Cyclic:
                        return Result(FeatureDefinition.Null, FeatureResultSource.CyclicPrerequisite);
                    case PrerequisiteOutcome.Blocked:
                        return Result(FeatureDefinition.Null, FeatureResultSource.Prerequisite);
                    case PrerequisiteOutcome.Skipped:
                        continue;
                }
            }

            if (rule.Filters is { } filters && Filters.IsFilteredOut(filters, context))
            {
                continue;
            }

            if (rule.HasForce)
            {
                if (rule.Condition is { } condition && !condition.IsMatch(context.Attributes, context.SavedGroups))
                {
                    continue;
                }

                var fallback = context.StickyBuckets is not null && !rule.DisableStickyBucketing ? rule.FallbackAttribute : null;
                var seed = string.IsNullOrEmpty(rule.Seed) ? key : rule.Seed;
                if (!Filters.IsIncludedInRollout(context, seed, rule.HashAttribute, fallback, rule.Range, rule.Coverage, rule.HashVersion))
                {
                    continue;
                }

                return Result(rule.Force, FeatureResultSource.Force, rule.Id) with { Tracks = rule.Tracks ?? [] };
            }

            if (rule.Variations is null)
            {
                continue;
            }

            var experiment = ToExperiment(rule, key);
            var result = ExperimentRunner.Run(experiment, key, context, stack);
            if (result.InExperiment && !result.Passthrough)
            {
                return Result(result.Value, FeatureResultSource.Experiment, rule.Id) with { Experiment = experiment, ExperimentResult = result };
            }
        }

        return Result(feature.DefaultValue, FeatureResultSource.DefaultValue);
    }

    /// <summary>The experiment an experiment rule runs; prerequisites stay on the rule, as in GrowthBook.</summary>
    private static ExperimentDefinition ToExperiment(FeatureRule rule, string featureKey) => new()
    {
        Key = string.IsNullOrEmpty(rule.Key) ? featureKey : rule.Key,
        Variations = rule.Variations!,
        Coverage = rule.Coverage,
        Weights = rule.Weights,
        HashAttribute = string.IsNullOrEmpty(rule.HashAttribute) ? null : rule.HashAttribute,
        FallbackAttribute = string.IsNullOrEmpty(rule.FallbackAttribute) ? null : rule.FallbackAttribute,
        DisableStickyBucketing = rule.DisableStickyBucketing,
        BucketVersion = rule.BucketVersion,
        MinBucketVersion = rule.MinBucketVersion,
        Namespace = rule.Namespace,
        Meta = rule.Meta,
        Ranges = rule.Ranges,
        Name = string.IsNullOrEmpty(rule.Name) ? null : rule.Name,
        Phase = string.IsNullOrEmpty(rule.Phase) ? null : rule.Phase,
        Seed = string.IsNullOrEmpty(rule.Seed) ? null : rule.Seed,
        HashVersion = rule.HashVersion is > 0 ? rule.HashVersion : null,
        Filters = rule.Filters,
        Condition = rule.Condition,
    };

    private static FeatureResult Result(JsonElement value, FeatureResultSource source, string? ruleId = null) => new()
    {
        Value = value.ValueKind == JsonValueKind.Undefined ? FeatureDefinition.Null : value,
        On = IsTruthy(value),
        Source = source,
        RuleId = ruleId ?? string.Empty,
    };
}
