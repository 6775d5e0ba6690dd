namespace UmbracoPersonalization.Core.Experiments;

/// <summary>
/// A URL split into host, path, query and fragment, relative URLs resolved against a placeholder host; just enough
/// of the WHATWG URL model for GrowthBook's URL targeting, without throwing on odd input.
/// </summary>
internal sealed class UrlParts
{
    private UrlParts(string host, string path, string query, string fragment)
    {
        Host = host;
        Path = path;
        Query = query;
        Fragment = fragment;
    }

    public string Host { get; }

    public string Path { get; }

    /// <summary>Gets the query without '?'.</summary>
    public string Query { get; }

    /// <summary>Gets the fragment without '#'.</summary>
    public string Fragment { get; }

    public static UrlParts Parse(string url, string defaultHost)
    {
        var rest = url.AsSpan().Trim();
        var host = defaultHost;
        var schemeEnd = rest.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0 && rest[..schemeEnd].IndexOfAny('/', '?', '#') < 0)
        {
            rest = rest[(schemeEnd + 3)..];
            host = TakeHost(ref rest);
        }
        else if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            rest = rest[2..];
            host = TakeHost(ref rest);
        }

        var hash = rest.IndexOf('#');
        var fragment = hash < 0 ? string.Empty : rest[(hash + 1)..].ToString();
        rest = hash < 0 ? rest : rest[..hash];
        var question = rest.IndexOf('?');
        var query = question < 0 ? string.Empty : rest[(question + 1)..].ToString();
        rest = question < 0 ? rest : rest[..question];
        var path = rest.StartsWith('/') ? rest.ToString() : "/" + rest.ToString();
        return new UrlParts(host.ToLowerInvariant(), path, query, fragment);
    }

    /// <summary>Query pairs in order, decoded (<c>+</c> as space), as URLSearchParams reads them.</summary>
    public IEnumerable<(string Key, string Value, string Raw)> QueryPairs()
    {
        foreach (var raw in Query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = raw.IndexOf('=');
            var key = equals < 0 ? raw : raw[..equals];
            var value = equals < 0 ? string.Empty : raw[(equals + 1)..];
            yield return (Decode(key), Decode(value), raw);
        }
    }

    private static string TakeHost(ref ReadOnlySpan<char> rest)
    {
        var end = rest.IndexOfAny('/', '?', '#');
        var authority = end < 0 ? rest : rest[..end];
        rest = end < 0 ? default : rest[end..];
        var at = authority.LastIndexOf('@');
        return (at < 0 ? authority : authority[(at + 1)..]).ToString();
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}
