using System.Text;
using System.Text.Json;

namespace UmbracoPersonalization.Core.Experiments;

/// <summary>GrowthBook's URL-redirect experiments: the first targeted experiment that assigns a redirecting variation wins.</summary>
public static class UrlRedirects
{
    /// <summary>Finds the redirect for the visitor, if any.</summary>
    /// <param name="experiments">Experiments with <see cref="ExperimentDefinition.UrlPatterns"/> and <c>{"urlRedirect": ...}</c> variations.</param>
    /// <param name="context">The visitor's context (its <see cref="EvaluationContext.Url"/> is targeted).</param>
    /// <returns>The redirect, or null.</returns>
    public static UrlRedirectResult? Find(IEnumerable<ExperimentDefinition> experiments, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var experiment in experiments)
        {
            if (experiment.UrlPatterns is null || !experiment.Variations.Any(v => RedirectOf(v) is not null))
            {
                continue;
            }

            var result = ExperimentRunner.Run(experiment, context);
            if (result.InExperiment && RedirectOf(result.Value) is { } redirect)
            {
                var target = experiment.PersistQueryString ? MergeQueryStrings(context.Url ?? string.Empty, redirect) : redirect;
                return new UrlRedirectResult(experiment, result, redirect, target);
            }
        }

        return null;
    }

    /// <summary>Adds the original URL's query parameters that the redirect URL does not set itself.</summary>
    private static string MergeQueryStrings(string original, string redirect)
    {
        var hash = redirect.IndexOf('#');
        var fragment = hash < 0 ? string.Empty : redirect[hash..];
        var withoutFragment = hash < 0 ? redirect : redirect[..hash];
        var keys = UrlParts.Parse(withoutFragment, "_").QueryPairs().Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        var builder = new StringBuilder(withoutFragment);
        foreach (var (key, _, raw) in UrlParts.Parse(original, "_").QueryPairs())
        {
            if (keys.Add(key))
            {
                builder.Append(builder.ToString().Contains('?', StringComparison.Ordinal) ? '&' : '?').Append(raw);
            }
        }

        return builder.Append(fragment).ToString();
    }

    private static string? RedirectOf(JsonElement variation) =>
        variation.ValueKind == JsonValueKind.Object && variation.TryGetProperty("urlRedirect", out var url) && url.ValueKind == JsonValueKind.String
            ? url.GetString()
            : null;
}
