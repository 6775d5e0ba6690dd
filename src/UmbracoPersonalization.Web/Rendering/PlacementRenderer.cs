using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Templating;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Definitions;
using UmbracoPersonalization.Web.Logging;
using UmbracoPersonalization.Web.Middleware;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Rendering;

/// <summary>
/// Decides a placement and renders the chosen variant safely. Never throws: a failing personalizer or template
/// renders the placement's default variant (or nothing when even that fails).
/// </summary>
public sealed class PlacementRenderer
{
    private static readonly object NeutralContextKey = new();
    private readonly IPersonalizer? _personalizer;
    private readonly LiquidRenderer _liquid;
    private readonly IHttpContextAccessor? _httpContextAccessor;
    private readonly IVisitorContextAccessor _accessor;
    private readonly LoadedDefinitions _definitions;
    private readonly VariantHtmlSanitizer _sanitizer;
    private readonly IOptionsMonitor<PersonalizationSettings> _settings;
    private readonly IHostEnvironment _environment;
    private readonly ILogger<PlacementRenderer> _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the renderer. Without an <see cref="IPersonalizer"/> every placement shows its default variant.</summary>
    public PlacementRenderer(
        LiquidRenderer liquid,
        IVisitorContextAccessor accessor,
        LoadedDefinitions definitions,
        VariantHtmlSanitizer sanitizer,
        IOptionsMonitor<PersonalizationSettings> settings,
        IHostEnvironment environment,
        ILogger<PlacementRenderer> logger,
        IPersonalizer? personalizer = null,
        IHttpContextAccessor? httpContextAccessor = null,
        TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _liquid = liquid;
        _personalizer = personalizer;
        _httpContextAccessor = httpContextAccessor;
        _accessor = accessor;
        _definitions = definitions;
        _sanitizer = sanitizer;
        _settings = settings;
        _environment = environment;
        _logger = logger;
    }

    /// <summary>Decides and renders <paramref name="placement"/> for the current visitor.</summary>
    public RenderedPlacement Render(string placement)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placement);
        var settings = _settings.CurrentValue;
        var context = (settings.Enabled ? _accessor.VisitorContext : null) ?? NeutralContext(settings);
        var fallback = _definitions.GetDefaultVariant(placement);

        Decision? decision = null;
        if (settings.Enabled && _personalizer is { } personalizer)
        {
            try
            {
                decision = personalizer.Decide(placement, context);
                _httpContextAccessor?.HttpContext?.Features.Get<PersonalizationFeature>()?.Decisions.Add(decision);
            }
            catch (Exception ex)
            {
                Log.DecisionFailed(_logger, placement, ex);
            }
        }

        var variant = decision?.Variant ?? fallback;
        if (variant is null)
        {
            return new RenderedPlacement { Placement = placement, ReasonsComment = Comment(decision, "no variant") };
        }

        try
        {
            return Build(placement, variant, context, decision, isFallback: decision?.IsFallback ?? true);
        }
        catch (Exception ex)
        {
            Log.VariantRenderFailed(_logger, placement, variant.Key, ex);
        }

        if (fallback is not null && !ReferenceEquals(fallback, variant))
        {
            try
            {
                return Build(placement, fallback, context, decision, isFallback: true, note: "rendering the decided variant failed");
            }
            catch (Exception ex)
            {
                Log.VariantRenderFailed(_logger, placement, fallback.Key, ex);
            }
        }

        return new RenderedPlacement { Placement = placement, IsFallback = true, ReasonsComment = Comment(decision, "rendering failed") };
    }

    private RenderedPlacement Build(string placement, VariantDefinition variant, VisitorContext context, Decision? decision, bool isFallback, string? note = null)
    {
        var properties = variant.Properties ?? new Dictionary<string, string>();
        var rendered = variant.Kind is VariantKind.Html or VariantKind.Text or VariantKind.CallToAction ? _liquid.RenderVariant(variant, context) : null;
        if (rendered is { IsFallback: true } && !properties.ContainsKey(LiquidRenderer.FallbackProperty))
        {
            // A template that failed with no fallback text of its own: the placement's default variant instead of nothing.
            throw new InvalidOperationException($"The template of variant '{variant.Key}' failed and has no '{LiquidRenderer.FallbackProperty}' text: {rendered.Error}");
        }

        var body = variant.Kind switch
        {
            // Liquid output keeps the template's markup and escapes values; the final HTML is then sanitized.
            VariantKind.Html => new HtmlString(_sanitizer.Sanitize(rendered!.Html)),
            VariantKind.Text or VariantKind.CallToAction => new HtmlString(rendered!.Html), // escaped
            _ => HtmlString.Empty, // content references are rendered by the site (blocks), not here
        };
        IHtmlContent? label = properties.TryGetValue("label", out var rawLabel)
            ? new HtmlString(variant.IsTemplate ? _liquid.Render(rawLabel, context, LiquidOutputMode.Text).Html : HtmlEncoder.Default.Encode(rawLabel))
            : null;
        var url = properties.TryGetValue("url", out var rawUrl) ? SafeUrl(rawUrl) : null;

        return new RenderedPlacement
        {
            Placement = placement,
            VariantKey = variant.Key,
            Kind = variant.Kind,
            Body = body,
            Label = label,
            Url = url,
            Properties = properties,
            IsFallback = isFallback,
            ReasonsComment = Comment(decision, note),
        };
    }

    /// <summary>A local path or an absolute http(s) URL; anything else (javascript:, //host, data:) is dropped.</summary>
    internal static string? SafeUrl(string? url)
    {
        var value = url?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > 2048 || value.Any(char.IsControl) || VariantHtmlSanitizer.IsProtocolRelative(value))
        {
            return null;
        }

        if (value[0] is '/' or '#' or '?')
        {
            return value;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;
    }

    private IHtmlContent Comment(Decision? decision, string? note)
    {
        if (_environment.IsProduction())
        {
            return HtmlString.Empty;
        }

        var parts = (decision?.Reasons.Select(r => r.ToString()) ?? ["not decided"]).ToList();
        if (note is not null)
        {
            parts.Add(note);
        }

        var text = HtmlEncoder.Default.Encode(string.Join("; ", parts)).Replace("--", "- -", StringComparison.Ordinal);
        return new HtmlString($"<!-- up: {text} -->");
    }

    /// <summary>
    /// A visitor with no profile, consent or request details (personalization off, or a request the middleware skipped),
    /// at the current time on the site's clock, so templated defaults still greet by the hour.
    /// </summary>
    /// <remarks>
    /// One per request, shared by its placements (and the template models cached on it): with personalization switched
    /// off, every placement of every page renders through it.
    /// </remarks>
    private VisitorContext NeutralContext(PersonalizationSettings settings)
    {
        var items = _httpContextAccessor?.HttpContext?.Items;
        if (items is not null && items.TryGetValue(NeutralContextKey, out var existing) && existing is VisitorContext shared)
        {
            return shared;
        }

        var request = new RequestContext { Timestamp = RequestContextFactory.SiteNow(_time, settings) };
        var context = new VisitorContext(PersonalizationMiddleware.TransientProfile(string.Empty, request), request, ConsentState.Undecided);
        items?[NeutralContextKey] = context;
        return context;
    }
}
