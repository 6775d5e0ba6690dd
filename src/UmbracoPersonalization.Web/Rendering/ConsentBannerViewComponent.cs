using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Consent;
using UmbracoPersonalization.Web.Logging;
using UmbracoPersonalization.Web.Privacy;

namespace UmbracoPersonalization.Web.Rendering;

/// <summary>
/// An accessible consent banner: <c>&lt;vc:personalization-consent privacy-url="/privacy" /&gt;</c>. Rendered only while
/// the visitor has not chosen under the current policy version. A plain HTML form (works without JavaScript, keyboard
/// only, every control labelled; the region is named for screen readers) posting to the consent endpoint, with
/// "Accept all", "Only necessary" and per-purpose choices. Restyle it with the <c>up-consent</c> classes or replace
/// <c>Views/Shared/Components/PersonalizationConsent/Default.cshtml</c>. Once the visitor has chosen, nothing is rendered
/// and the view is not run (offer "change your choices" elsewhere, e.g. through the preference centre); nothing either
/// while personalization is switched off (<see cref="PersonalizationSettings.Enabled"/>).
/// </summary>
[ViewComponent(Name = "PersonalizationConsent")]
public sealed class ConsentBannerViewComponent : ViewComponent
{
    private readonly IOptionsMonitor<PersonalizationSettings> _settings;

    /// <summary>Creates the view component.</summary>
    public ConsentBannerViewComponent(IOptionsMonitor<PersonalizationSettings> settings) => _settings = settings;

    /// <summary>Renders the banner (or nothing once the visitor chose, or while personalization is switched off).</summary>
    public IViewComponentResult Invoke(string? privacyUrl = null)
    {
        if (!_settings.CurrentValue.Enabled)
        {
            // Switched off: nothing is stored to ask consent for, and the consent endpoint answers 404.
            return Content(string.Empty);
        }

        ConsentState consent;
        try
        {
            consent = VisitorRequest.Consent(HttpContext);
        }
        catch (Exception ex)
        {
            // A consent provider that fails (a site's own CMP reader) costs the banner, never the page.
            Log.ConsentBannerFailed(HttpContext.RequestServices.GetRequiredService<ILogger<ConsentBannerViewComponent>>(), ex);
            return Content(string.Empty);
        }

        if (consent.IsDecided)
        {
            // Nothing to render: skip finding and running the view (this runs on every page of a site).
            return Content(string.Empty);
        }

        var path = HttpContext.Request.Path.Value;
        return View(new ConsentBannerModel
        {
            Show = true,
            GlobalPrivacyControl = consent.GlobalPrivacyControl,
            Action = ConsentEndpoint.Path,
            ReturnUrl = path is not null && ConsentEndpoint.IsLocalUrl(path) ? path : "/",
            PrivacyUrl = privacyUrl is not null && ConsentEndpoint.IsLocalUrl(privacyUrl) ? privacyUrl : null,
        });
    }
}
