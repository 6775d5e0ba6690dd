using System.Globalization;
using System.Net;
using DotLiquid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Templating;

/// <summary>
/// Renders editor-written Liquid over a safe model: <c>visitor.*</c> (visits, pageViews, stage, country, language,
/// device, topInterest, isReturning, preferences.*), <c>context.*</c> (path, hour, weekday, month, greeting, utm.*) and
/// <c>item.*</c> (name, url). Limits: template size and nesting (validated before parsing), iterations per loop, a
/// render timeout and an output cap. Output is HTML-safe. Any failure renders the fallback text and is logged; never throws.
/// A successful output is memoized per (template, output mode, the model values the template reads): see
/// <see cref="LiquidOptions.MemoizeOutput"/>.
/// </summary>
/// <remarks>
/// DotLiquid's global settings (<c>Template.*</c>) are deliberately left untouched, since the host site may use
/// DotLiquid too: the syntax level, culture, limits and error mode are passed per parse and per render.
/// </remarks>
public sealed partial class LiquidRenderer
{
    /// <summary>The variant property whose value is shown when a template fails.</summary>
    public const string FallbackProperty = "fallback";

    private readonly LiquidTemplateCache _cache;
    private readonly LiquidOptions _options;
    private readonly ProfileOptions _profileOptions;
    private readonly ILogger<LiquidRenderer> _logger;

    /// <summary>Creates a renderer.</summary>
    /// <param name="cache">Parsed templates.</param>
    /// <param name="options">The limits.</param>
    /// <param name="profileOptions">Profile options (for visitor attributes).</param>
    /// <param name="logger">Logs templates that failed.</param>
    public LiquidRenderer(LiquidTemplateCache cache, IOptions<LiquidOptions> options, IOptions<ProfileOptions> profileOptions, ILogger<LiquidRenderer> logger)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(profileOptions);
        ArgumentNullException.ThrowIfNull(logger);
        _cache = cache;
        _options = options.Value;
        _profileOptions = profileOptions.Value;
        _logger = logger;
    }

    /// <summary>
    /// Renders a variant's content as HTML: a template through <see cref="Render"/> (with the variant's
    /// <c>fallback</c> property as fallback), plain content as is for <see cref="VariantKind.Html"/> and escaped otherwise.
    /// </summary>
    /// <param name="variant">The variant.</param>
    /// <param name="context">The request's visitor context.</param>
    /// <param name="item">An optional content item for <c>item.*</c>.</param>
    /// <returns>The HTML.</returns>
    public LiquidRenderResult RenderVariant(VariantDefinition variant, VisitorContext context, LiquidItem? item = null)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var mode = variant.Kind == VariantKind.Html ? LiquidOutputMode.Html : LiquidOutputMode.Text;
        if (!variant.IsTemplate)
        {
            return new LiquidRenderResult(mode == LiquidOutputMode.Html ? variant.Content : WebUtility.HtmlEncode(variant.Content), false);
        }

        var fallback = variant.Properties is { } properties && properties.TryGetValue(FallbackProperty, out var text) ? text : string.Empty;
        return Render(variant.Content, context, mode, fallback, item);
    }

    /// <summary>Renders a template. Never throws: on any problem the fallback is rendered and the problem logged.</summary>
    /// <param name="source">The template.</param>
    /// <param name="context">The request's visitor context.</param>
    /// <param name="mode">Whether the template is HTML (values escaped) or text (everything escaped).</param>
    /// <param name="fallback">Shown when the template fails (escaped in <see cref="LiquidOutputMode.Text"/>).</param>
    /// <param name="item">An optional content item for <c>item.*</c>.</param>
    /// <returns>The HTML, or the fallback and the error.</returns>
    public LiquidRenderResult Render(string source, VisitorContext context, LiquidOutputMode mode = LiquidOutputMode.Html, string fallback = "", LiquidItem? item = null)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(source);
            ArgumentNullException.ThrowIfNull(context);
            var entry = _cache.Get(source);
            if (entry.Template is null)
            {
                return Fallback(fallback, mode, entry.Error!);
            }

            var escape = mode == LiquidOutputMode.Html;
            var attributes = VisitorAttributes.For(context, _profileOptions);

            // A memo hit builds no model; the visitor model is built at most once per request and mode, the rest only
            // to render.
            var reads = _options.MemoizeOutput && entry.Reads is { IsMemoizable: true } r ? r : null;
            var keyWritten = reads is not null && LiquidMemoKey.TryWrite(context, attributes, item, reads, escape);
            if (keyWritten && LiquidMemoKey.TryFind(entry.Outputs, out var remembered))
            {
                return new LiquidRenderResult(remembered, false);
            }

            var root = LiquidModel.Root(LiquidModel.CachedVisitor(context, attributes, escape), context, attributes, item, escape);
            if (reads is not null && !keyWritten)
            {
                LiquidMemoKey.Write(root, reads, escape);
                keyWritten = true;
                if (LiquidMemoKey.TryFind(entry.Outputs, out remembered))
                {
                    return new LiquidRenderResult(remembered, false);
                }
            }

            // Taken before rendering: the key buffer is per thread, and only a miss needs the key as a string.
            var memoKey = keyWritten ? LiquidMemoKey.Written() : null;
            using var writer = new BoundedStringWriter(_options.MaxOutputLength);
            entry.Template.Render(writer, new RenderParameters(CultureInfo.InvariantCulture)
            {
                LocalVariables = root,
                ErrorsOutputMode = ErrorsOutputMode.Rethrow,
                MaxIterations = _options.MaxIterations,
                Timeout = (int)Math.Clamp(_options.RenderTimeout.TotalMilliseconds, 1, int.MaxValue),
                SyntaxCompatibilityLevel = SyntaxCompatibility.DotLiquid22,
            });
            var output = writer.ToString();
            var html = escape ? output : WebUtility.HtmlEncode(output);
            if (memoKey is not null)
            {
                if (entry.Outputs.Count >= _options.MaxMemoizedOutputs)
                {
                    entry.Outputs.Clear();
                }

                entry.Outputs[memoKey] = html;
            }

            return new LiquidRenderResult(html, false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return Fallback(fallback, mode, $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private LiquidRenderResult Fallback(string fallback, LiquidOutputMode mode, string error)
    {
        LogTemplateFailed(_logger, error);
        return new LiquidRenderResult(mode == LiquidOutputMode.Html ? fallback ?? string.Empty : WebUtility.HtmlEncode(fallback ?? string.Empty), true, error);
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "A Liquid template was not rendered ({Error}); the fallback text is shown.")]
    private static partial void LogTemplateFailed(ILogger logger, string error);
}
