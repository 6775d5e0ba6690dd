using System.Text.RegularExpressions;
using UmbracoPersonalization.Core.Conditions;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Segments;

namespace UmbracoPersonalization.Core.Experiences;

/// <summary>Validates and compiles a <see cref="DefinitionSet"/> into a <see cref="DefinitionSnapshot"/>.</summary>
internal static partial class DefinitionCompiler
{
    public static DefinitionSnapshot Compile(DefinitionSet definitions, ConditionOptions options)
    {
        var segments = new CompiledSegment[definitions.Segments.Count];
        var byAlias = new Dictionary<string, CompiledSegment>(segments.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < segments.Length; i++)
        {
            var definition = definitions.Segments[i] ?? throw new DefinitionValidationException($"segments[{i}]", "is null.");
            var field = $"segments[{i}]";
            if (string.IsNullOrEmpty(definition.Alias) || !AliasPattern().IsMatch(definition.Alias))
            {
                throw new DefinitionValidationException($"{field}.alias", "must be lower-case letters, digits and single dashes, e.g. 'returning-visitors'.", definition.Alias);
            }

            var condition = ParseCondition(definition.Condition, $"{field}.condition", definition.Alias, options)
                ?? throw new DefinitionValidationException($"{field}.condition", "is required.", definition.Alias);
            var segment = new CompiledSegment(definition, condition, i);
            if (!byAlias.TryAdd(definition.Alias, segment))
            {
                throw new DefinitionValidationException($"{field}.alias", "is a duplicate alias.", definition.Alias);
            }

            segments[i] = segment;
        }

        var experiences = new Dictionary<string, CompiledExperience>(definitions.Experiences.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < definitions.Experiences.Count; i++)
        {
            var definition = definitions.Experiences[i] ?? throw new DefinitionValidationException($"experiences[{i}]", "is null.");
            if (string.IsNullOrWhiteSpace(definition.Placement))
            {
                throw new DefinitionValidationException($"experiences[{i}].placement", "is required.");
            }

            if (experiences.ContainsKey(definition.Placement))
            {
                throw new DefinitionValidationException($"experiences[{i}].placement", "is a duplicate placement.", definition.Placement);
            }

            experiences[definition.Placement] = CompileExperience(definition, $"experiences[{definition.Placement}]", byAlias, options);
        }

        return new DefinitionSnapshot(definitions, segments, byAlias, experiences);
    }

    private static CompiledExperience CompileExperience(
        ExperienceDefinition definition, string field, Dictionary<string, CompiledSegment> segments, ConditionOptions options)
    {
        var owner = definition.Placement;
        var variants = new Dictionary<string, VariantDefinition>(StringComparer.OrdinalIgnoreCase);
        for (var v = 0; v < (definition.Variants?.Count ?? 0); v++)
        {
            var variant = definition.Variants![v];
            if (variant is null || string.IsNullOrWhiteSpace(variant.Key))
            {
                throw new DefinitionValidationException($"{field}.variants[{v}].key", "is required.", owner);
            }

            if (!variants.TryAdd(variant.Key, variant))
            {
                throw new DefinitionValidationException($"{field}.variants[{v}].key", $"'{variant.Key}' is a duplicate variant key.", owner);
            }
        }

        if (string.IsNullOrEmpty(definition.DefaultVariantKey) || !variants.ContainsKey(definition.DefaultVariantKey))
        {
            throw new DefinitionValidationException($"{field}.defaultVariantKey", $"'{definition.DefaultVariantKey}' is not a variant of the experience.", owner);
        }

        var rules = new CompiledRule[definition.Rules?.Count ?? 0];
        for (var r = 0; r < rules.Length; r++)
        {
            var rule = definition.Rules![r];
            var ruleField = $"{field}.rules[{r}]";
            if (rule is null)
            {
                throw new DefinitionValidationException(ruleField, "is null.", owner);
            }

            if (rule.VariantKey is null || !variants.TryGetValue(rule.VariantKey, out var variant))
            {
                throw new DefinitionValidationException($"{ruleField}.variantKey", $"'{rule.VariantKey}' is not a variant of the experience.", owner);
            }

            var hasSegment = !string.IsNullOrEmpty(rule.SegmentAlias);
            if (hasSegment == !string.IsNullOrEmpty(rule.Condition))
            {
                throw new DefinitionValidationException(ruleField, "needs exactly one of segmentAlias and condition.", owner);
            }

            if (hasSegment)
            {
                if (!segments.TryGetValue(rule.SegmentAlias!, out var segment))
                {
                    throw new DefinitionValidationException($"{ruleField}.segmentAlias", $"'{rule.SegmentAlias}' is not a known segment.", owner);
                }

                rules[r] = new CompiledRule(rule, r + 1, variant, segment.Index, null);
            }
            else
            {
                rules[r] = new CompiledRule(rule, r + 1, variant, -1, ParseCondition(rule.Condition, $"{ruleField}.condition", owner, options));
            }
        }

        return new CompiledExperience(
            definition,
            variants,
            rules,
            experience => definition.Experiment is null ? null : CompileExperiment(experience, definition.Experiment, $"{field}.experiment", variants, options));
    }

    private static CompiledExperiment CompileExperiment(
        CompiledExperience experience, ExperienceExperiment experiment, string field, Dictionary<string, VariantDefinition> variants, ConditionOptions options)
    {
        var owner = experience.Placement;
        if (string.IsNullOrWhiteSpace(experiment.Key))
        {
            throw new DefinitionValidationException($"{field}.key", "is required.", owner);
        }

        if (experiment.VariantKeys is not { Count: > 0 })
        {
            throw new DefinitionValidationException($"{field}.variantKeys", "needs at least one arm.", owner);
        }

        var arms = new VariantDefinition[experiment.VariantKeys.Count];
        for (var a = 0; a < arms.Length; a++)
        {
            if (experiment.VariantKeys[a] is not { } key || !variants.TryGetValue(key, out var arm))
            {
                throw new DefinitionValidationException($"{field}.variantKeys[{a}]", $"'{experiment.VariantKeys[a]}' is not a variant of the experience.", owner);
            }

            arms[a] = arm;
        }

        if (experiment.Weights is { } weights)
        {
            if (weights.Count != arms.Length)
            {
                throw new DefinitionValidationException($"{field}.weights", $"has {weights.Count} weights for {arms.Length} arms.", owner);
            }

            if (weights.Any(w => !double.IsFinite(w) || w < 0) || Math.Abs(weights.Sum() - 1) > 0.01)
            {
                throw new DefinitionValidationException($"{field}.weights", "must be numbers of 0 or more summing to 1.", owner);
            }
        }

        if (!double.IsFinite(experiment.Coverage) || experiment.Coverage is < 0 or > 1)
        {
            throw new DefinitionValidationException($"{field}.coverage", "must be between 0 and 1.", owner);
        }

        if (experiment.HashVersion is not (1 or 2))
        {
            throw new DefinitionValidationException($"{field}.hashVersion", "must be 1 or 2.", owner);
        }

        if (string.IsNullOrEmpty(experiment.HashAttribute))
        {
            throw new DefinitionValidationException($"{field}.hashAttribute", "is required.", owner);
        }

        var condition = ParseCondition(experiment.Condition, $"{field}.condition", owner, options);
        return new CompiledExperiment(
            experiment,
            arms,
            condition,
            experience.ExperimentSkipped,
            arm => experience.ExperimentAssigned(experiment, arm, arms[arm]));
    }

    private static Condition? ParseCondition(string? json, string field, string? owner, ConditionOptions options)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return Condition.Parse(json, options);
        }
        catch (ConditionParseException exception)
        {
            throw new DefinitionValidationException(field, exception.Reason, owner, exception.Path, exception);
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex AliasPattern();
}
