using Microsoft.AspNetCore.Mvc;
using UmbracoPersonalization.Site.Models;

namespace UmbracoPersonalization.Site.ViewComponents;

/// <summary>
/// The editors' "view as segment" switch. Rendered only outside Production and when the package's
/// <c>PreviewEnabled</c> option is on; the package itself refuses preview in Production whatever this shows.
/// </summary>
public sealed class PreviewToolbarViewComponent(IWebHostEnvironment environment, IConfiguration configuration, SiteSegments segments)
    : ViewComponent
{
    /// <summary>The query-string key the package reads the previewed segment from.</summary>
    public const string QueryKey = "up-preview";

    /// <summary>Renders the toolbar, or nothing where preview is off.</summary>
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (environment.IsProduction() || !configuration.GetValue<bool>("Umbraco:Personalization:PreviewEnabled"))
        {
            return Content(string.Empty);
        }

        var current = HttpContext.Request.Query[QueryKey].ToString();
        var aliases = await segments.GetAliasesAsync(HttpContext.RequestAborted);
        return View(new PreviewToolbarModel(aliases, string.IsNullOrEmpty(current) ? null : current, HttpContext.Request.Path));
    }
}
