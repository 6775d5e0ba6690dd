using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Experiments;

/// <summary>
/// Assigns a visitor to an experiment variation exactly as GrowthBook's <c>run</c> does (same order of checks,
/// same hashing), so assignments agree with GrowthBook's SDKs. Pure: sticky-bucket changes are recorded on the
/// context's <see cref="StickyBucketAssignments"/> for the caller to save.
/// </summary>
public static class ExperimentRunner
{
    /// <summary>Runs an experiment for the visitor in <paramref name="context"/>.</summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="context">The visitor's context.</param>
    /// <returns>The result; <see cref="ExperimentResult.InExperiment"/> says whether to record an exposure.</returns>
    public static ExperimentResult Run(ExperimentDefinition experiment, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(context);
        return Run(experiment, null, context, new EvaluationStack());
    }

    internal static ExperimentResult Run(ExperimentDefinition experiment, string? featureId, EvaluationContext context, EvaluationStack stack)
    {
        var key = experiment.Key;
        var count = experiment.Variations.Count;
        if (count < 2 || !context.Enabled)
        {
            return Result(context, experiment, -1, false, featureId);
        }

        if (experiment.UrlPatterns is { } patterns && !UrlTargeting.IsTargeted(context.Url ?? string.Empty, patterns))
        {
            return Result(context, experiment, -1, false, featureId);
        }

        if (QueryStringOverride.Get(key, context.Url, count) is { } fromQuery)
        {
            return Result(context, experiment, fromQuery, false, featureId);
        }

        if (context.ForcedVariations.TryGetValue(key, out var forced))
        {
            return Result(context, experiment, forced, false, featureId);
        }

        if (experiment.Status == "draft" || !experiment.Active)
        {
            return Result(context, experiment, -1, false, featureId);
        }

        var sticky = UsesStickyBuckets(context, experiment);
        var (hashAttribute, hashValue) = HashAttributes.Get(context, experiment.HashAttribute, sticky ? experiment.FallbackAttribute : null);
        if (!Conditions.Evaluation.JsSemantics.IsTruthy(hashValue))
        {
            return Result(context, experiment, -1, false, featureId);
        }

        var hashText = HashAttributes.ToHashString(hashValue);
        var (assigned, blocked) = sticky ? StickyBucketing.FindVariation(context, experiment) : (-1, false);
        var foundSticky = assigned >= 0;
        if (!foundSticky && !IsTargeted(experiment, hashText, context, stack))
        {
            return Result(context, experiment, -1, false, featureId);
        }

        var n = GrowthBookHash.Hash(string.IsNullOrEmpty(experiment.Seed) ? key : experiment.Seed, hashText, experiment.HashVersion is > 0 and var version ? version : 1);
        if (n is not { } bucket)
        {
            return Result(context, experiment, -1, false, featureId);
        }

        if (!foundSticky)
        {
            var ranges = experiment.Ranges ?? BucketRanges.Get(count, experiment.Coverage ?? 1, experiment.Weights);
            assigned = VariationChooser.Choose(bucket, ranges);
        }

        if (blocked)
        {
            return Result(context, experiment, -1, false, featureId, stickyBucketUsed: true);
        }

        if (assigned < 0)
        {
            return Result(context, experiment, -1, false, featureId);
        }

        if (experiment.Force is { } force)
        {
            return Result(context, experiment, force, false, featureId);
        }

        if (context.QaMode || experiment.Status == "stopped")
        {
            return Result(context, experiment, -1, false, featureId);
        }

        var result = Result(context, experiment, assigned, true, featureId, bucket, foundSticky);
        if (sticky)
        {
            context.StickyBuckets!.Assign(
                hashAttribute,
                HashAttributes.ToStickyString(hashValue),
                StickyBucketing.ExperimentKey(key, experiment.BucketVersion),
                result.Key);
        }

        return result;
    }

    /// <summary>Builds a result; an out-of-range index means "not in the experiment" with the first variation's value.</summary>
    internal static ExperimentResult Result(
        EvaluationContext context,
        ExperimentDefinition experiment,
        int variation,
        bool hashUsed,
        string? featureId,
        double? bucket = null,
        bool stickyBucketUsed = false)
    {
        var inExperiment = variation >= 0 && variation < experiment.Variations.Count;
        if (!inExperiment)
        {
            variation = 0;
        }

        var (hashAttribute, hashValue) = HashAttributes.Get(
            context, experiment.HashAttribute, UsesStickyBuckets(context, experiment) ? experiment.FallbackAttribute : null);
        var meta = experiment.Meta is { } all && variation < all.Count ? all[variation] : null;
        return new ExperimentResult
        {
            Key = string.IsNullOrEmpty(meta?.Key) ? variation.ToString(System.Globalization.CultureInfo.InvariantCulture) : meta.Key,
            FeatureId = featureId,
            InExperiment = inExperiment,
            HashUsed = hashUsed,
            VariationId = variation,
            Value = experiment.Variations.Count > variation ? experiment.Variations[variation] : FeatureDefinition.Null,
            HashAttribute = hashAttribute,
            HashValue = hashValue,
            StickyBucketUsed = stickyBucketUsed,
            Name = string.IsNullOrEmpty(meta?.Name) ? null : meta.Name,
            Bucket = bucket,
            Passthrough = meta?.Passthrough ?? false,
        };
    }

    private static bool UsesStickyBuckets(EvaluationContext context, ExperimentDefinition experiment) =>
        context.StickyBuckets is not null && !experiment.DisableStickyBucketing;

    /// <summary>Filters (or the namespace), condition and prerequisites; skipped when a sticky bucket exists.</summary>
    private static bool IsTargeted(ExperimentDefinition experiment, string hashText, EvaluationContext context, EvaluationStack stack)
    {
        if (experiment.Filters is { } filters)
        {
            if (Filters.IsFilteredOut(filters, context))
            {
                return false;
            }
        }
        else if (experiment.Namespace is { } ns && !NamespaceMembership.IsInNamespace(hashText, ns))
        {
            return false;
        }

        if (experiment.Condition is { } condition && !condition.IsMatch(context.Attributes, context.SavedGroups))
        {
            return false;
        }

        return experiment.ParentConditions is not { } parents
            || Prerequisites.Check(parents, context, stack) == PrerequisiteOutcome.Passed;
    }
}
