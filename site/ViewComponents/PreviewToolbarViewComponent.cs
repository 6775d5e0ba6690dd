using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Site.Models;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Definitions;

namespace UmbracoPersonalization.Site.ViewComponents;

/// <summary>
/// The editors' "view as segment" switch. Rendered only outside Production and when the package's
/// <c>PreviewEnabled</c> option is on; the package itself ignores <c>?up-preview</c> in Production whatever this shows.
/// </summary>
public sealed class PreviewToolbarViewComponent(
    IWebHostEnvironment environment,
    IOptionsMonitor<PersonalizationSettings> settings,
    LoadedDefinitions definitions) : ViewComponent
{
    /// <summary>The query-string key the package reads the previewed segment from.</summary>
    public const string QueryKey = "up-preview";

    /// <summary>Renders the toolbar, or nothing where preview is off.</summary>
    public IViewComponentResult Invoke()
    {
        if (environment.IsProduction() || !settings.CurrentValue.PreviewEnabled)
        {
            return Content(string.Empty);
        }

        var current = HttpContext.Request.Query[QueryKey].ToString();
        var aliases = definitions.Current.Segments.Select(s => s.Alias).ToList();
        return View(new PreviewToolbarModel(aliases, string.IsNullOrEmpty(current) ? null : current, HttpContext.Request.Path));
    }
}
