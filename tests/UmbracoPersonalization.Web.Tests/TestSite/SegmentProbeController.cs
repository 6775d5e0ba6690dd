using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Umbraco.Cms.Core.Models.PublishedContent;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Tests.TestSite;

/// <summary>Reports the segment on the request's variation context when the page (action) runs.</summary>
public sealed class SegmentProbeController(IVariationContextAccessor accessor) : Controller
{
    [HttpGet("/segment")]
    public IActionResult Segment() => Content(
        $"segment={accessor.VariationContext?.Segment};header={Request.Headers["X-UMB-SEGMENT"]}",
        "text/plain");

    /// <summary>Describes the page as being about <paramref name="category"/>, then reports the segment when the result (view) runs.</summary>
    [HttpGet("/segment/described")]
    public IActionResult Described([FromServices] IVisitorContextAccessor visitor, string category)
    {
        visitor.DescribePage([category], []);
        return new SegmentWhenRenderedResult(accessor);
    }

    private sealed class SegmentWhenRenderedResult(IVariationContextAccessor accessor) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            context.HttpContext.Response.ContentType = "text/plain";
            return context.HttpContext.Response.WriteAsync($"segment={accessor.VariationContext?.Segment}");
        }
    }
}
