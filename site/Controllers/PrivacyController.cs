using Microsoft.AspNetCore.Mvc;
using UmbracoPersonalization.Site.Models;
using UmbracoPersonalization.Site.Publishing;

namespace UmbracoPersonalization.Site.Controllers;

/// <summary>The privacy settings page: the consent form, always shown, to change an earlier choice.</summary>
public sealed class PrivacyController(ContentCatalog catalog) : Controller
{
    /// <summary>Renders the privacy settings page.</summary>
    [HttpGet("privacy-settings")]
    public IActionResult Index() => View(new PageModel(catalog.Root, catalog));
}
