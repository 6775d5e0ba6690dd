using Microsoft.AspNetCore.Mvc;
using UmbracoPersonalization.Web.Consent;
using UmbracoPersonalization.Web.Privacy;

namespace UmbracoPersonalization.Web.Rendering;

/// <summary>
/// An accessible consent banner: <c>&lt;vc:personalization-consent privacy-url="/privacy" /&gt;</c>. Rendered only while
/// the visitor has not chosen under the current policy version. A plain HTML form (works without JavaScript, keyboard
/// only, every control labelled; the region is named for screen readers) posting to the consent endpoint, with
/// "Accept all", "Only necessary" and per-purpose choices. Restyle it with the <c>up-consent</c> classes or replace
/// <c>Views/Shared/Components/PersonalizationConsent/Default.cshtml</c>. Once the visitor has chosen, nothing is rendered
/// and the view is not run (offer "change your choices" elsewhere, e.g. through the preference centre).
/// </summary>
[ViewComponent(Name = "PersonalizationConsent")]
public sealed class ConsentBannerViewComponent : ViewComponent
{
    /// <summary>Renders the banner (or nothing once the visitor chose).</summary>
    public IViewComponentResult Invoke(string? privacyUrl = null)
    {
        var consent = VisitorRequest.Consent(HttpContext);
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
