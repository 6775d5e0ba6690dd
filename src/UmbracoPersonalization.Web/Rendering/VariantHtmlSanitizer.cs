using System.Collections.Concurrent;
using Ganss.Xss;

namespace UmbracoPersonalization.Web.Rendering;

/// <summary>
/// Sanitizes variant HTML (always the final rendered HTML, never the template source) to a small safe set:
/// text formatting, headings, lists, links, images and tables. No forms, inputs, frames, scripts, styles or
/// <c>style</c> attributes; links only to <c>http</c>, <c>https</c>, <c>mailto</c>, <c>tel</c> or relative URLs,
/// never protocol-relative ones (<c>//host</c>).
/// </summary>
public sealed class VariantHtmlSanitizer
{
    /// <summary>The allowed tags.</summary>
    public static IReadOnlySet<string> AllowedTags { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "article", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "div", "dl", "dt",
        "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins",
        "kbd", "li", "mark", "ol", "p", "picture", "pre", "q", "s", "section", "small", "source", "span", "strong",
        "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
    };

    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "srcset", "sizes", "media", "type", "alt", "title", "class", "width", "height", "loading",
        "decoding", "rel", "target", "lang", "dir", "datetime", "cite", "colspan", "rowspan", "scope", "headers",
        "role", "aria-label", "aria-hidden", "aria-describedby",
    };

    private static readonly HashSet<string> AllowedSchemes = new(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" };

    /// <summary>Most distinct inputs remembered; the memo is emptied when full.</summary>
    private const int MemoCapacity = 512;

    /// <summary>Longer inputs are sanitized every time (bounds the memo's memory to a few MB at worst).</summary>
    private const int MaxMemoizedLength = 8 * 1024;

    private readonly HtmlSanitizer _sanitizer;

    // Sanitizing parses the HTML into a DOM (AngleSharp): about a fifth of a personalized page's CPU under load. The
    // result depends only on the input, and a variant renders to the same few strings again and again, so it is
    // remembered per input string.
    private readonly ConcurrentDictionary<string, string> _memo = new(StringComparer.Ordinal);

    /// <summary>Creates the sanitizer.</summary>
    public VariantHtmlSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(AllowedSchemes, StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "cite", "action", "formaction", "poster", "background", "longdesc"], StringComparer.OrdinalIgnoreCase),
            UriListAttributes = new HashSet<string>(["srcset"], StringComparer.OrdinalIgnoreCase),
            AllowDataAttributes = false,
        };
        _sanitizer = new HtmlSanitizer(options);
        _sanitizer.FilterUrl += (_, e) =>
        {
            if (IsProtocolRelative(e.OriginalUrl) || (e.SanitizedUrl is { } s && IsProtocolRelative(s)))
            {
                e.SanitizedUrl = null;
            }
        };
    }

    /// <summary>Returns the safe subset of <paramref name="html"/>.</summary>
    public string Sanitize(string html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        if (html.Length > MaxMemoizedLength)
        {
            return _sanitizer.Sanitize(html);
        }

        if (_memo.TryGetValue(html, out var safe))
        {
            return safe;
        }

        safe = _sanitizer.Sanitize(html);
        if (_memo.Count >= MemoCapacity)
        {
            _memo.Clear();
        }

        _memo.TryAdd(html, safe);
        return safe;
    }

    internal static bool IsProtocolRelative(string url)
    {
        // Browsers drop tabs and line breaks anywhere in a URL before reading it, so "/\t/host" is "//host".
        var trimmed = url.AsSpan().TrimStart(" \t\r\n\f\v\0");
        var first = -1;
        foreach (var c in trimmed)
        {
            if (c is '\t' or '\r' or '\n')
            {
                continue;
            }

            if (first < 0)
            {
                first = c;
                continue;
            }

            return first is '/' or '\\' && c is '/' or '\\';
        }

        return false;
    }
}
