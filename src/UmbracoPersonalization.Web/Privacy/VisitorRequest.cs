using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Consent;
using UmbracoPersonalization.Web.Middleware;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Privacy;

/// <summary>
/// Reads the visitor behind a request (consent + verified visitor cookie), for endpoints that run before the middleware
/// and for view components that may render without it.
/// </summary>
internal static class VisitorRequest
{
    /// <summary>
    /// The request's consent, with <c>Sec-GPC</c> applied: the state the middleware read when it has run for this
    /// request (the banner renders on every page; reading the cookie again would repeat that work), else read now.
    /// </summary>
    public static ConsentState Consent(HttpContext context) =>
        context.Features.Get<PersonalizationFeature>()?.Consent
        ?? PersonalizationMiddleware.ApplyGlobalPrivacyControl(
            context.RequestServices.GetRequiredService<IConsentProvider>().GetConsent(context), context.Request);

    /// <summary>The verified visitor id from the cookie, or <c>null</c> (no cookie, or one that does not verify).</summary>
    public static string? VisitorId(HttpContext context)
    {
        var settings = context.RequestServices.GetRequiredService<IOptionsMonitor<PersonalizationSettings>>().CurrentValue;
        var protector = context.RequestServices.GetRequiredService<IVisitorIdProtector>();
        return protector.TryUnprotect(PersonalizationCookieValues.Read(context, settings).Visitor, out var visitorId) ? visitorId : null;
    }

    /// <summary>Deletes the visitor cookie, if the request carried one.</summary>
    public static void DeleteVisitorCookie(HttpContext context)
    {
        var settings = context.RequestServices.GetRequiredService<IOptionsMonitor<PersonalizationSettings>>().CurrentValue;
        var name = PersonalizationCookies.VisitorName(context.Request, settings);
        if (context.Request.Cookies.ContainsKey(name))
        {
            PersonalizationCookies.Delete(context.Response, context.Request, name);
        }
    }

    /// <summary>Writes an export as a JSON download that is never cached.</summary>
    public static async Task WriteExportAsync(HttpContext context, string json)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentDisposition = "attachment; filename=\"personal-data.json\"";
        await response.WriteAsync(json, context.RequestAborted);
    }
}
