using Microsoft.AspNetCore.Mvc;
using UmbracoPersonalization.Web.Tests.Published;

namespace UmbracoPersonalization.Web.Tests.TestSite;

/// <summary>Renders the in-memory published tree like an Umbraco template would.</summary>
public sealed class PublishedTreeController : Controller
{
    [HttpGet("/tree")]
    public IActionResult Tree() => View("~/Views/Tree/Home.cshtml", PublishedTree.Home());
}
