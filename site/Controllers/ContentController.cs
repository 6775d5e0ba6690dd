using Microsoft.AspNetCore.Mvc;
using UmbracoPersonalization.Site.Models;
using UmbracoPersonalization.Site.Publishing;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Site.Controllers;

/// <summary>
/// Renders published content: one view per document type, like Umbraco's default render controller. Tells the
/// package what the page is about, so conditions see its categories and the page view raises the visitor's interest.
/// </summary>
public sealed class ContentController(ContentCatalog catalog, IVisitorContextAccessor visitor) : Controller
{
    /// <summary>Renders the page at <paramref name="path"/>, or the not-found page.</summary>
    [HttpGet("{**path}", Order = int.MaxValue)]
    public IActionResult Render(string? path)
    {
        var page = catalog.GetByRoute(path);
        if (page is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("NotFound", new PageModel(catalog.Root, catalog));
        }

        visitor.DescribePage(page.List("categories"), page.List("tags"));

        var alias = page.ContentType.Alias;
        var viewName = char.ToUpperInvariant(alias[0]) + alias[1..];
        return View(viewName, new PageModel(page, catalog));
    }
}
