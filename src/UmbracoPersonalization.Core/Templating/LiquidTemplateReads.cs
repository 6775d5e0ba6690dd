using System.Text.RegularExpressions;

namespace UmbracoPersonalization.Core.Templating;

/// <summary>
/// Which model values a template can read, found once per template from its source, so that its output can be
/// memoized per (template, those values). Conservative by construction: every <c>visitor</c>, <c>context</c> or
/// <c>item</c> reference inside a tag or an output is a read (a mention in plain text too, which only costs memo hits);
/// a path is later resolved only as deep as the model has keys, so <c>visitor.preferences.size</c>, <c>visitor['x']</c>
/// or <c>assign v = visitor</c> depend on the whole object they reach. A template that can read the clock
/// (<c>'now'</c> or <c>'today'</c>, e.g. in the <c>date</c> filter) is never memoized.
/// </summary>
internal sealed partial class LiquidTemplateReads
{
    private LiquidTemplateReads(IReadOnlyList<string[]> paths, bool isMemoizable)
    {
        Paths = paths;
        IsMemoizable = isMemoizable;
    }

    /// <summary>The model paths read, each starting at a root (<c>visitor</c>, <c>context</c>, <c>item</c>); no duplicates.</summary>
    public IReadOnlyList<string[]> Paths { get; }

    /// <summary>Whether the output depends on nothing but the values at <see cref="Paths"/>.</summary>
    public bool IsMemoizable { get; }

    /// <summary>Finds what <paramref name="source"/> reads.</summary>
    /// <param name="source">A template that parsed.</param>
    /// <returns>Its reads.</returns>
    public static LiquidTemplateReads Analyze(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var paths = new List<string[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // Two readings of where tags end (the first closing mark, or the first one outside quoted text, as DotLiquid's
        // tokenizer reads them), so a quoted "%}" cannot hide a read or the clock.
        foreach (Match markup in Markup().Matches(source).Concat(QuotedMarkup().Matches(source)))
        {
            // A computed lookup ([name]) can reach any root by a name built at render time.
            if (Clock().IsMatch(markup.Value) || markup.Value.Contains('['))
            {
                return new LiquidTemplateReads([], isMemoizable: false);
            }

            foreach (Match reference in Reference().Matches(markup.Value))
            {
                if (!IsLowerCaseRoot(reference.Value))
                {
                    // Another spelling of a root (Visitor, CONTEXT): DotLiquid may resolve it, its path is not known here.
                    return new LiquidTemplateReads([], isMemoizable: false);
                }

                if (seen.Add(reference.Value))
                {
                    paths.Add(reference.Value.Split('.'));
                }
            }
        }

        return new LiquidTemplateReads(paths, isMemoizable: true);
    }

    private static bool IsLowerCaseRoot(string reference) =>
        reference.StartsWith("visitor", StringComparison.Ordinal)
        || reference.StartsWith("context", StringComparison.Ordinal)
        || reference.StartsWith("item", StringComparison.Ordinal);

    // Outputs and tags; their insides are where variables are read.
    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    // Tags and outputs whose end is the first closing mark outside quoted text.
    [GeneratedRegex(@"\{\{(?:[^}""']|\}(?!\})|""[^""]*""|'[^']*')*\}\}|\{%(?:[^%""']|%(?!\})|""[^""]*""|'[^']*')*%\}", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedMarkup();

    // A root in any letter case, not preceded by a word character or a dot (so `x.visitor` or `myvisitor` are not
    // roots), with its dotted path.
    [GeneratedRegex(@"(?<![\w.])(?:visitor|context|item)(?:\.[A-Za-z_][\w-]*)*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    [GeneratedRegex(@"\b(?:now|today)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Clock();
}
