using Microsoft.AspNetCore.Http;

namespace UmbracoPersonalization.Web.Segments;

/// <summary>
/// Chooses the one segment to apply to a request: of the segments the visitor is in, the highest priority wins
/// (definition order breaks ties). Computed once per request and cached on it.
/// </summary>
public interface IVisitorSegmentSelector
{
    /// <summary>The segment of the current request's visitor.</summary>
    /// <param name="httpContext">The request.</param>
    /// <returns>The selection, with its reason; <see cref="SegmentSelection.None"/> when personalization does not run.</returns>
    SegmentSelection Select(HttpContext httpContext);
}
