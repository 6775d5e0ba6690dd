using Microsoft.AspNetCore.Http;
using UmbracoPersonalization.Web.Configuration;

namespace UmbracoPersonalization.Web.Consent;

/// <summary>Names and options of the package's cookies: <c>__Host-</c> prefix and <c>Secure</c> on HTTPS, <c>SameSite=Lax</c>, path <c>/</c>.</summary>
internal static class PersonalizationCookies
{
    public const string HostPrefix = "__Host-";

    public static string ConsentName(HttpRequest request, PersonalizationSettings settings) =>
        Name(request, settings.ConsentCookieName);

    public static string VisitorName(HttpRequest request, PersonalizationSettings settings) =>
        Name(request, settings.VisitorCookieName);

    public static CookieOptions Options(HttpRequest request, TimeSpan maxAge, bool httpOnly) => new()
    {
        Path = "/",
        Secure = request.IsHttps,
        HttpOnly = httpOnly,
        SameSite = SameSiteMode.Lax,
        MaxAge = maxAge,
        IsEssential = true, // the consent cookie is necessary; the visitor cookie is only written with consent
    };

    /// <summary>Writes the visitor cookie (HTTP-only, for <see cref="PersonalizationSettings.VisitorCookieLifetime"/>) carrying <paramref name="protectedVisitorId"/>.</summary>
    public static void AppendVisitor(HttpContext context, PersonalizationSettings settings, string protectedVisitorId) =>
        context.Response.Cookies.Append(
            VisitorName(context.Request, settings),
            protectedVisitorId,
            Options(context.Request, settings.VisitorCookieLifetime, httpOnly: true));

    public static void Delete(HttpResponse response, HttpRequest request, string name) =>
        response.Cookies.Delete(name, new CookieOptions { Path = "/", Secure = request.IsHttps, SameSite = SameSiteMode.Lax });

    private static string Name(HttpRequest request, string name) => request.IsHttps ? HostPrefix + name : name;
}
