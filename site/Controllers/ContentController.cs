using Microsoft.AspNetCore.Mvc;
using UmbracoPersonalization.Site.Hosting;
using UmbracoPersonalization.Site.Models;
using UmbracoPersonalization.Site.Publishing;

namespace UmbracoPersonalization.Site.Controllers;

/// <summary>Renders published content: one view per document type, like Umbraco's default render controller.</summary>
public sealed class ContentController(ContentCatalog catalog) : Controller
{
    /// <summary>Renders the page at <paramref name="path"/>, or the not-found page.</summary>
    [HttpGet("{**path}", Order = int.MaxValue)]
    public IActionResult Render(string? path)
    {
        var page = HttpContext.GetCurrentPage() ?? catalog.GetByRoute(path);
        if (page is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("NotFound", new PageModel(catalog.Root, catalog));
        }

        var alias = page.ContentType.Alias;
        var viewName = char.ToUpperInvariant(alias[0]) + alias[1..];
        return View(viewName, new PageModel(page, catalog));
    }
}
