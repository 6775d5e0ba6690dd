using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.DeliveryApi;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Logging;
using UmbracoPersonalization.Web.Segments;

namespace UmbracoPersonalization.Web.Headless;

/// <summary>
/// The Delivery API's requested segment (<c>Umbraco.Cms.Core.DeliveryApi.IRequestSegmentService</c>, which lives in
/// Umbraco.Cms.Core; the Delivery API package's own implementation reads the <c>Accept-Segment</c> header). This one
/// yields the visitor's segment when the client asks for personalization: the request carries the package's visitor
/// cookie, or <c>Accept-Segment: personalized</c> (contextual personalization without consent). In Production a
/// client-named segment is ignored; elsewhere (editor preview) a named <c>Accept-Segment</c> is honoured.
/// It also stands in for the obsolete, misspelled <c>IRequestSegmmentService</c> that Umbraco 17 keeps until 18.
/// </summary>
#pragma warning disable CS0618 // Umbraco 17 still resolves the misspelled interface in places; implement both, as its own service does
public sealed class PersonalizationRequestSegmentService : IRequestSegmentService, IRequestSegmmentService
#pragma warning restore CS0618
{
    /// <summary>The header the Delivery API reads the segment from.</summary>
    public const string AcceptSegmentHeader = "Accept-Segment";

    /// <summary>The <c>Accept-Segment</c> value that asks for the visitor's own segment.</summary>
    public const string PersonalizedValue = "personalized";

    private readonly IHttpContextAccessor _httpContextAccessor;
    private readonly IVisitorSegmentSelector _selector;
    private readonly IOptionsMonitor<PersonalizationSettings> _settings;
    private readonly IHostEnvironment _environment;

    /// <summary>Creates the service.</summary>
    public PersonalizationRequestSegmentService(
        IHttpContextAccessor httpContextAccessor,
        IVisitorSegmentSelector selector,
        IOptionsMonitor<PersonalizationSettings> settings,
        IHostEnvironment environment)
    {
        _httpContextAccessor = httpContextAccessor;
        _selector = selector;
        _settings = settings;
        _environment = environment;
    }

    /// <inheritdoc />
    public string? GetRequestedSegment()
    {
        if (_httpContextAccessor.HttpContext is not { } context)
        {
            return null;
        }

        var settings = _settings.CurrentValue;
        var requested = context.Request.Headers[AcceptSegmentHeader].ToString().Trim();
        var production = _environment.IsProduction();
        if (!settings.Enabled || !settings.Segments.Enabled)
        {
            return production || requested.Length == 0 ? null : requested;
        }

        var asksForPersonalization = string.Equals(requested, PersonalizedValue, StringComparison.OrdinalIgnoreCase);
        if (requested.Length > 0 && !asksForPersonalization)
        {
            return VisitorSegmentApplier.ClientMayChooseSegment(settings.Segments, _environment) ? requested : null;
        }

        asksForPersonalization |= context.Request.Cookies.ContainsKey(Consent.PersonalizationCookies.VisitorName(context.Request, settings));
        if (!asksForPersonalization)
        {
            return null;
        }

        try
        {
            return _selector.Select(context).Alias;
        }
        catch (Exception ex)
        {
            // Like the page path: a failing selection is the default segment, never a failed Delivery API response.
            Log.SegmentApplyFailed(context.RequestServices.GetRequiredService<ILogger<PersonalizationRequestSegmentService>>(), ex);
            return null;
        }
    }
}
