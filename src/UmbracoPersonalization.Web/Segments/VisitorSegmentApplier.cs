using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Models.PublishedContent;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Logging;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Segments;

/// <summary>
/// Sets the visitor's segment on Umbraco's variation context, keeping the culture routing chose. Run it after routing
/// (Umbraco resets the variation context when it sets the culture): the package's global MVC action filter does, and
/// hosts without MVC routing to Umbraco call <c>app.UsePersonalizationSegment()</c> after <c>UseRouting()</c>.
/// </summary>
public sealed class VisitorSegmentApplier
{
    /// <summary>The request header Umbraco reads a client-chosen segment from.</summary>
    public const string SegmentHeader = "X-UMB-SEGMENT";

    private readonly IVariationContextAccessor _variationContext;
    private readonly IVisitorContextAccessor _visitors;
    private readonly IVisitorSegmentSelector _selector;
    private readonly IOptionsMonitor<PersonalizationSettings> _settings;
    private readonly IHostEnvironment _environment;
    private readonly ILogger<VisitorSegmentApplier> _logger;

    /// <summary>Creates the applier.</summary>
    public VisitorSegmentApplier(
        IVariationContextAccessor variationContext,
        IVisitorContextAccessor visitors,
        IVisitorSegmentSelector selector,
        IOptionsMonitor<PersonalizationSettings> settings,
        IHostEnvironment environment,
        ILogger<VisitorSegmentApplier> logger)
    {
        _variationContext = variationContext;
        _visitors = visitors;
        _selector = selector;
        _settings = settings;
        _environment = environment;
        _logger = logger;
    }

    /// <summary>
    /// Applies the visitor's segment (or the default segment) to the variation context of a personalized request (not
    /// the back office, whose requests have no visitor context). Outside Production, with
    /// <see cref="NativeSegmentSettings.AllowSegmentHeaderOutsideProduction"/>, a request carrying
    /// <c>X-UMB-SEGMENT</c> keeps Umbraco's choice (editor preview). Never throws.
    /// </summary>
    /// <param name="httpContext">The request.</param>
    /// <returns>The selection applied, or <c>null</c> when nothing was applied.</returns>
    public SegmentSelection? Apply(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var settings = _settings.CurrentValue;
        if (!settings.Enabled || !settings.Segments.Enabled)
        {
            return null;
        }

        try
        {
            if (ClientMayChooseSegment(settings.Segments, _environment) && httpContext.Request.Headers.ContainsKey(SegmentHeader))
            {
                return null;
            }

            if (_visitors.VisitorContext is null)
            {
                return null; // not a personalized request (back office, static files): leave Umbraco's choice alone
            }

            var selection = _selector.Select(httpContext);
            var current = _variationContext.VariationContext;
            if (current?.Segment != (selection.Alias ?? string.Empty))
            {
                _variationContext.VariationContext = new VariationContext(current?.Culture, selection.Alias);
            }

            return selection;
        }
        catch (Exception ex)
        {
            Log.SegmentApplyFailed(_logger, ex);
            return null;
        }
    }

    /// <summary>
    /// Whether a client header (<c>X-UMB-SEGMENT</c>, a named <c>Accept-Segment</c>) may choose the segment: never in
    /// Production, elsewhere as <see cref="NativeSegmentSettings.AllowSegmentHeaderOutsideProduction"/> says.
    /// </summary>
    internal static bool ClientMayChooseSegment(NativeSegmentSettings segments, IHostEnvironment environment) =>
        !environment.IsProduction() && segments.AllowSegmentHeaderOutsideProduction;
}
