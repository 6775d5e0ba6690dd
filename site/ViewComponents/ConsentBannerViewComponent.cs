using Microsoft.AspNetCore.Mvc;
using UmbracoPersonalization.Site.Models;

namespace UmbracoPersonalization.Site.ViewComponents;

/// <summary>The consent banner, shown until the visitor has made a choice.</summary>
public sealed class ConsentBannerViewComponent(SiteConsent consent) : ViewComponent
{
    /// <summary>Renders the banner, or nothing once the visitor has chosen.</summary>
    public IViewComponentResult Invoke(bool always = false)
    {
        var state = consent.Read();
        if (state.HasDecided && !always)
        {
            return Content(string.Empty);
        }

        var returnUrl = HttpContext.Request.Path + HttpContext.Request.QueryString;
        return View(new ConsentBannerModel(state, returnUrl, always));
    }
}
