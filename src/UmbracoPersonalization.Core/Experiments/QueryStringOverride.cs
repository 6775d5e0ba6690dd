namespace UmbracoPersonalization.Core.Experiments;

/// <summary>Forcing a variation from the URL (<c>?experiment-key=1</c>), for previews and QA.</summary>
public static class QueryStringOverride
{
    /// <summary>
    /// Gets the variation forced by the query string: the first <c>key=value</c> pair whose key is the experiment key,
    /// its value read like JavaScript's <c>parseInt</c>, accepted when 0 &lt;= value &lt; numVariations.
    /// </summary>
    /// <param name="experimentKey">The experiment key.</param>
    /// <param name="url">The request URL, absolute or relative; may be null.</param>
    /// <param name="numVariations">The number of variations.</param>
    /// <returns>The forced variation, or null.</returns>
    public static int? Get(string experimentKey, string? url, int numVariations)
    {
        ArgumentNullException.ThrowIfNull(experimentKey);
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        // GrowthBook takes the text between the first and the second '?', then drops any fragment.
        var question = url.IndexOf('?');
        if (question < 0)
        {
            return null;
        }

        var search = url.AsSpan(question + 1);
        var next = search.IndexOf('?');
        search = next < 0 ? search : search[..next];
        var hash = search.IndexOf('#');
        search = hash < 0 ? search : search[..hash];

        foreach (var range in search.Split('&'))
        {
            var pair = search[range];
            var equals = pair.IndexOf('=');
            var key = equals < 0 ? pair : pair[..equals];
            if (!key.SequenceEqual(experimentKey))
            {
                continue;
            }

            if (equals < 0)
            {
                return null;
            }

            // split("=", 2) keeps only the text up to a second '='.
            var value = pair[(equals + 1)..];
            var second = value.IndexOf('=');
            value = second < 0 ? value : value[..second];
            return ParseInt(value) is { } variation && variation >= 0 && variation < numVariations ? variation : null;
        }

        return null;
    }

    private static int? ParseInt(ReadOnlySpan<char> text)
    {
        text = text.TrimStart();
        var negative = false;
        if (!text.IsEmpty && text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            text = text[1..];
        }

        long result = 0;
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]) && result < int.MaxValue)
        {
            result = (result * 10) + (text[digits] - '0');
            digits++;
        }

        if (digits == 0)
        {
            return null;
        }

        result = negative ? -result : result;
        return result is > int.MaxValue or < int.MinValue ? null : (int)result;
    }
}
