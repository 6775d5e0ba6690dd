using Microsoft.AspNetCore.Mvc;
using Umbraco.Cms.Core.Models.PublishedContent;

namespace UmbracoPersonalization.Web.Tests.TestSite;

/// <summary>Reports the segment on the request's variation context when the page (action) runs.</summary>
public sealed class SegmentProbeController(IVariationContextAccessor accessor) : Controller
{
    [HttpGet("/segment")]
    public IActionResult Segment() => Content(
        $"segment={accessor.VariationContext?.Segment};header={Request.Headers["X-UMB-SEGMENT"]}",
        "text/plain");
}
