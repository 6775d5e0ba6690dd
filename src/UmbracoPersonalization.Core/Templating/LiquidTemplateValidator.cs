using System.Globalization;
using DotLiquid;
using Microsoft.Extensions.Options;

namespace UmbracoPersonalization.Core.Templating;

/// <summary>
/// Checks an editor's Liquid template before DotLiquid ever parses it: size cap, a pre-scan of tags (nesting depth,
/// allow-listed tags and filters, ranges only in <c>for</c>) and only then a parse. DotLiquid's recursive parser
/// overflows the stack (killing the process) on a few thousand nested blocks, so the pre-scan must come first.
/// </summary>
/// <remarks>
/// Allowed tags: <c>if elsif else unless case when for break continue assign comment raw cycle increment decrement</c>.
/// Not allowed: <c>include</c>, <c>capture</c>, <c>tablerow</c> and anything else. Filters are allow-listed too: those that
/// can grow a string without bound (<c>append prepend replace join times plus</c>…) are rejected; write
/// <c>{{ a }}{{ b }}</c> instead of appending.
/// </remarks>
public sealed class LiquidTemplateValidator
{
    /// <summary>
    /// Where the tag or output that starts before <paramref name="from"/> ends (<c>%}</c> or <c>}}</c>), skipping quoted
    /// text as DotLiquid's tokenizer does: a <c>"%}"</c> inside a string neither ends the tag for the parser nor may it
    /// end it here, or the rest of the tag would escape these checks. -1 when it is not closed.
    /// </summary>
    private static int IndexOfClose(string source, int from, char first)
    {
        var quote = '\0';
        for (var i = from; i < source.Length - 1; i++)
        {
            var c = source[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == first && source[i + 1] == '}')
            {
                return i;
            }
        }

        return -1;
    }

    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal) { "if", "unless", "case", "for", "comment", "raw" };

    private static readonly HashSet<string> InnerTags = new(StringComparer.Ordinal)
    {
        "elsif", "else", "when", "break", "continue", "assign", "cycle", "increment", "decrement",
    };

    private static readonly HashSet<string> AllowedFilters = new(StringComparer.Ordinal)
    {
        "size", "downcase", "upcase", "capitalize", "escape", "escape_once", "h", "url_encode", "url_decode",
        "strip_html", "strip", "lstrip", "rstrip", "strip_newlines", "newline_to_br", "truncate", "truncatewords",
        "split", "first", "last", "sort", "sort_natural", "uniq", "compact", "reverse", "map", "where", "remove",
        "remove_first", "slice", "date", "default", "minus", "divided_by", "modulo", "round", "ceil", "floor", "abs",
        "at_least", "at_most",
    };

    private readonly LiquidOptions _options;

    /// <summary>Creates a validator over bound options.</summary>
    /// <param name="options">The limits.</param>
    public LiquidTemplateValidator(IOptions<LiquidOptions> options)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>Creates a validator (tests, benchmarks).</summary>
    /// <param name="options">The limits.</param>
    public LiquidTemplateValidator(LiquidOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Checks a template; never throws for bad input.</summary>
    /// <param name="source">The template text.</param>
    /// <returns>Whether it is accepted and why not.</returns>
    public LiquidValidationResult Validate(string? source) =>
        TryParse(source, out _, out var error) ? LiquidValidationResult.Valid : LiquidValidationResult.Invalid(error!);

    /// <summary>Pre-scans then parses; the template is thread-safe to render.</summary>
    internal bool TryParse(string? source, out Template? template, out string? error)
    {
        template = null;
        error = source is null ? "The template is missing." : PreScan(source);
        if (error is not null)
        {
            return false;
        }

        try
        {
            template = Template.Parse(source, SyntaxCompatibility.DotLiquid22);
            template.MakeThreadSafe();
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            error = $"The template does not parse: {exception.Message}";
            return false;
        }
    }

    private string? PreScan(string source)
    {
        if (source.Length > _options.MaxTemplateLength)
        {
            return $"The template is {source.Length} characters long; at most {_options.MaxTemplateLength} are allowed.";
        }

        var depth = 0;
        var position = 0;
        while (position < source.Length - 1)
        {
            var open = source.IndexOf('{', position);
            if (open < 0 || open == source.Length - 1)
            {
                break;
            }

            var kind = source[open + 1];
            if (kind != '%' && kind != '{')
            {
                position = open + 1;
                continue;
            }

            var close = IndexOfClose(source, open + 2, kind == '%' ? '%' : '}');
            if (close < 0)
            {
                return kind == '%' ? "A tag '{%' is not closed with '%}'." : "An output '{{' is not closed with '}}'.";
            }

            var markup = source.AsSpan(open + 2, close - open - 2).Trim().Trim('-').Trim();
            position = close + 2;
            var name = kind == '%' ? TagName(markup) : string.Empty;
            if (kind == '%')
            {
                if (BlockTags.Contains(name))
                {
                    if (++depth > _options.MaxNestingDepth)
                    {
                        return $"Tags are nested more than {_options.MaxNestingDepth} deep.";
                    }
                }
                else if (name.StartsWith("end", StringComparison.Ordinal) && BlockTags.Contains(name[3..]))
                {
                    if (--depth < 0)
                    {
                        return $"'{{% {name} %}}' has no opening tag.";
                    }
                }
                else if (!InnerTags.Contains(name))
                {
                    return $"The tag '{name}' is not allowed.";
                }
            }

            if (CheckExpression(markup, name) is { } expressionError)
            {
                return expressionError;
            }
        }

        return null;
    }

    private static string TagName(ReadOnlySpan<char> markup)
    {
        var length = 0;
        while (length < markup.Length && (char.IsLetterOrDigit(markup[length]) || markup[length] == '_'))
        {
            length++;
        }

        return markup[..length].ToString().ToLower(CultureInfo.InvariantCulture);
    }

    /// <summary>Rejects filters not allow-listed and ranges outside <c>for</c> (quoted text is skipped).</summary>
    private static string? CheckExpression(ReadOnlySpan<char> markup, string tagName)
    {
        var quote = '\0';
        for (var i = 0; i < markup.Length; i++)
        {
            var c = markup[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
                continue;
            }

            if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '.' && i + 1 < markup.Length && markup[i + 1] == '.' && tagName != "for")
            {
                return "Ranges ('(1..n)') are only allowed in for loops.";
            }
            else if (c == '|')
            {
                var start = i + 1;
                while (start < markup.Length && char.IsWhiteSpace(markup[start]))
                {
                    start++;
                }

                var end = start;
                while (end < markup.Length && (char.IsLetterOrDigit(markup[end]) || markup[end] == '_'))
                {
                    end++;
                }

                var filter = markup[start..end].ToString();
                if (!AllowedFilters.Contains(filter))
                {
                    return $"The filter '{filter}' is not allowed.";
                }

                i = end - 1;
            }
        }

        return null;
    }
}
