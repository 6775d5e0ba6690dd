using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Web.Configuration;

namespace UmbracoPersonalization.Web.Segments;

/// <summary>
/// First in the pipeline: in Production (or whenever client-chosen segments are not allowed) removes the client's
/// <c>X-UMB-SEGMENT</c> header of front-end and Delivery API requests before Umbraco reads it, so a visitor can never
/// pick a segment variant. Back-office requests (under <c>/umbraco</c>, other than the Delivery API and the package's
/// own endpoints) are left alone.
/// </summary>
internal sealed class SegmentHeaderGuardMiddleware(RequestDelegate next, IOptionsMonitor<PersonalizationSettings> settings, IHostEnvironment environment)
{
    public Task InvokeAsync(HttpContext context)
    {
        var segments = settings.CurrentValue.Segments;
        if (segments.Enabled
            && !VisitorSegmentApplier.ClientMayChooseSegment(segments, environment)
            && !Middleware.RequestKinds.IsBackOffice(context.Request))
        {
            context.Request.Headers.Remove(VisitorSegmentApplier.SegmentHeader);
        }

        return next(context);
    }
}
