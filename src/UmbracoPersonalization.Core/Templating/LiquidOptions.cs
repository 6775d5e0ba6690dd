using System.ComponentModel;

namespace UmbracoPersonalization.Core.Templating;

/// <summary>Limits for editor-written Liquid templates. Bound from <c>Umbraco:Personalization:Liquid</c>.</summary>
public sealed class LiquidOptions
{
    /// <summary>The configuration section the web layer binds these options from.</summary>
    public const string SectionName = "Umbraco:Personalization:Liquid";

    private const int StaticMaxTemplateLength = 8 * 1024;
    private const int StaticMaxNestingDepth = 16;
    private const int StaticMaxIterations = 200;
    private const string StaticRenderTimeout = "00:00:00.100";
    private const int StaticMaxOutputLength = 32 * 1024;
    private const int StaticMaxCachedTemplates = 1000;
    private const int StaticMaxMemoizedOutputs = 1000;

    /// <summary>Longest template accepted, in characters. Default 8192.</summary>
    [DefaultValue(StaticMaxTemplateLength)]
    public int MaxTemplateLength { get; set; } = StaticMaxTemplateLength;

    /// <summary>Deepest nesting of block tags (<c>if for unless case comment raw</c>). Default 16.</summary>
    [DefaultValue(StaticMaxNestingDepth)]
    public int MaxNestingDepth { get; set; } = StaticMaxNestingDepth;

    /// <summary>Most iterations of any one loop. Default 200.</summary>
    [DefaultValue(StaticMaxIterations)]
    public int MaxIterations { get; set; } = StaticMaxIterations;

    /// <summary>Longest a render may take (checked between template nodes). Default 100 ms.</summary>
    [DefaultValue(StaticRenderTimeout)]
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest output accepted, in characters. Default 32768.</summary>
    [DefaultValue(StaticMaxOutputLength)]
    public int MaxOutputLength { get; set; } = StaticMaxOutputLength;

    /// <summary>Most parsed templates kept in memory; the cache is cleared when it is full. Default 1000.</summary>
    [DefaultValue(StaticMaxCachedTemplates)]
    public int MaxCachedTemplates { get; set; } = StaticMaxCachedTemplates;

    /// <summary>
    /// Whether a template's output is remembered per (template, output mode, values it reads), so that visitors who look
    /// the same to the template do not render it again. Templates that read the clock (<c>'now'</c>, <c>'today'</c>) are
    /// never memoized. Turn this off only if the site registers DotLiquid filters whose output changes between calls.
    /// Default <c>true</c>.
    /// </summary>
    [DefaultValue(true)]
    public bool MemoizeOutput { get; set; } = true;

    /// <summary>Most outputs remembered per template; a template's memo is emptied when full. Default 1000.</summary>
    [DefaultValue(StaticMaxMemoizedOutputs)]
    public int MaxMemoizedOutputs { get; set; } = StaticMaxMemoizedOutputs;
}
