namespace UmbracoPersonalization.Core.Experiments;

/// <summary>Hash-range filters and percentage rollouts, GrowthBook-compatible.</summary>
internal static class Filters
{
    /// <summary>A visitor is filtered out when any filter's hash misses all its ranges (or the attribute is empty).</summary>
    public static bool IsFilteredOut(IReadOnlyList<ExperimentFilter> filters, EvaluationContext context)
    {
        foreach (var filter in filters)
        {
            var (_, value) = HashAttributes.Get(context, filter.Attribute, null);
            if (!Conditions.Evaluation.JsSemantics.IsTruthy(value))
            {
                return true;
            }

            if (GrowthBookHash.Hash(filter.Seed, HashAttributes.ToHashString(value), filter.HashVersion is > 0 and var version ? version : 2) is not { } n
                || !filter.Ranges.Any(range => range.Contains(n)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A force rule's rollout: in the range if one is given, else hash &lt;= coverage (inclusive, as GrowthBook).</summary>
    public static bool IsIncludedInRollout(
        EvaluationContext context, string seed, string? hashAttribute, string? fallbackAttribute, BucketRange? range, double? coverage, int? hashVersion)
    {
        if (range is null && coverage is null)
        {
            return true;
        }

        if (range is null && coverage == 0)
        {
            return false;
        }

        var (_, value) = HashAttributes.Get(context, hashAttribute, fallbackAttribute);
        if (!Conditions.Evaluation.JsSemantics.IsTruthy(value)
            || GrowthBookHash.Hash(seed, HashAttributes.ToHashString(value), hashVersion is > 0 and var version ? version : 1) is not { } n)
        {
            return false;
        }

        return range is { } r ? r.Contains(n) : n <= coverage!.Value;
    }
}
