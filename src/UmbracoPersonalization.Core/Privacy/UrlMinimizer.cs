using System.Text;

namespace UmbracoPersonalization.Core.Privacy;

/// <summary>
/// Strips what a URL may carry about a person before it is stored: the query string (except allow-listed keys such
/// as <c>utm_*</c>), the fragment and any user information (<c>user:password@</c>). Pure; never throws.
/// </summary>
public static class UrlMinimizer
{
    /// <summary>The default allow-list: campaign parameters only.</summary>
    public static IReadOnlyList<string> DefaultAllowedQueryKeys { get; } = ["utm_*"];

    /// <summary>
    /// Whether <paramref name="key"/> matches an allow-list entry: exact (case-insensitive), or a prefix when the entry
    /// ends with <c>*</c> (<c>utm_*</c>).
    /// </summary>
    public static bool IsAllowed(string key, IReadOnlyCollection<string> allowedKeys)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(allowedKeys);
        foreach (var pattern in allowedKeys)
        {
            if (pattern.EndsWith('*')
                ? key.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.OrdinalIgnoreCase)
                : string.Equals(key, pattern, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The URL without fragment, user information and query keys outside <paramref name="allowedKeys"/> (kept keys
    /// stay in their order, values as they were encoded). Absolute URLs keep scheme, host, port and path; relative
    /// URLs keep their path. <c>null</c> stays <c>null</c>.
    /// </summary>
    /// <param name="url">An absolute or relative URL.</param>
    /// <param name="allowedKeys">Query keys to keep (default <see cref="DefaultAllowedQueryKeys"/>).</param>
    public static string? Minimize(string? url, IReadOnlyCollection<string>? allowedKeys = null)
    {
        if (string.IsNullOrEmpty(url))
        {
            return url;
        }

        allowedKeys ??= DefaultAllowedQueryKeys;
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            url = url[..hash];
        }

        var question = url.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? url : url[..question];
        var query = question < 0 ? string.Empty : url[(question + 1)..];
        path = WithoutUserInfo(path);
        if (query.Length == 0)
        {
            return path;
        }

        var kept = new StringBuilder();
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var rawKey = equals < 0 ? pair : pair[..equals];
            string key;
            try
            {
                key = Uri.UnescapeDataString(rawKey.Replace('+', ' '));
            }
            catch (UriFormatException)
            {
                continue;
            }

            if (IsAllowed(key, allowedKeys))
            {
                kept.Append(kept.Length == 0 ? '?' : '&').Append(pair);
            }
        }

        return path + kept;
    }

    private static string WithoutUserInfo(string path)
    {
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return path;
        }

        var authorityStart = scheme + 3;
        var slash = path.IndexOf('/', authorityStart);
        var authorityEnd = slash < 0 ? path.Length : slash;
        var at = path.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        return at < 0 ? path : string.Concat(path.AsSpan(0, authorityStart), path.AsSpan(at + 1));
    }
}
