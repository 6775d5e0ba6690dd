using System.Text;
using System.Text.RegularExpressions;

namespace UmbracoPersonalization.Core.Experiments;

/// <summary>GrowthBook's URL targeting for redirect experiments: include/exclude patterns, simple or regex.</summary>
internal static class UrlTargeting
{
    private const string Wildcard = "_____";
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(50);

    /// <summary>Excludes win; otherwise the URL must match an include pattern (or there are only excludes).</summary>
    public static bool IsTargeted(string url, IReadOnlyList<UrlPattern> patterns)
    {
        if (patterns.Count == 0)
        {
            return false;
        }

        var hasInclude = false;
        var included = false;
        foreach (var pattern in patterns)
        {
            var match = Matches(url, pattern);
            if (!pattern.Include)
            {
                if (match)
                {
                    return false;
                }
            }
            else
            {
                hasInclude = true;
                included |= match;
            }
        }

        return included || !hasInclude;
    }

    private static bool Matches(string url, UrlPattern pattern)
    {
        try
        {
            var actual = UrlParts.Parse(url, "_");
            return pattern.Type switch
            {
                "regex" => MatchesRegex(url, actual, pattern.Pattern),
                "simple" => MatchesSimple(actual, pattern.Pattern),
                _ => false,
            };
        }
        catch (Exception exception) when (exception is ArgumentException or RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool MatchesRegex(string url, UrlParts actual, string pattern)
    {
        var regex = new Regex(pattern, RegexOptions.CultureInvariant, Timeout);
        var relative = actual.Path + (actual.Query.Length > 0 ? "?" + actual.Query : string.Empty)
            + (actual.Fragment.Length > 0 ? "#" + actual.Fragment : string.Empty);
        return regex.IsMatch(url) || regex.IsMatch(relative);
    }

    private static bool MatchesSimple(UrlParts actual, string pattern)
    {
        // A pattern like "www.example.com/x" has a host but no protocol; '*' becomes a placeholder that survives parsing.
        var firstDot = pattern.IndexOf('.');
        if (firstDot >= 0 && pattern.AsSpan(0, firstDot).IndexOfAny(":/?") < 0)
        {
            pattern = "https://" + pattern;
        }

        var expected = UrlParts.Parse(pattern.Replace("*", Wildcard, StringComparison.Ordinal), Wildcard);
        if (!PartMatches(actual.Host, expected.Host, isPath: false) || !PartMatches(actual.Path, expected.Path, isPath: true))
        {
            return false;
        }

        if (expected.Fragment.Length > 0 && !PartMatches("#" + actual.Fragment, "#" + expected.Fragment, isPath: false))
        {
            return false;
        }

        var actualPairs = actual.QueryPairs().ToList();
        foreach (var (key, value, _) in expected.QueryPairs())
        {
            var actualValue = actualPairs.FirstOrDefault(pair => pair.Key == key).Value ?? string.Empty;
            if (!PartMatches(actualValue, value, isPath: false))
            {
                return false;
            }
        }

        return true;
    }

    private static bool PartMatches(string actual, string pattern, bool isPath)
    {
        var escaped = new StringBuilder();
        foreach (var c in pattern)
        {
            if ("*.+?^${}()|[]\\".Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        var body = escaped.ToString().Replace(Wildcard, ".*", StringComparison.Ordinal);
        if (isPath)
        {
            // Leading and trailing slashes are optional when matching a path.
            body = body.StartsWith('/') ? body[1..] : body;
            body = body.EndsWith('/') ? body[..^1] : body;
            body = "/?" + body + "/?";
        }

        return Regex.IsMatch(actual, "^" + body + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
    }
}
