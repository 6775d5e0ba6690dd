namespace UmbracoPersonalization.Site;

/// <summary>The consent state the site's banner needs.</summary>
/// <param name="HasDecided">Whether the visitor has made a choice.</param>
/// <param name="Analytics">Whether analytics is granted.</param>
/// <param name="Personalization">Whether personalization is granted.</param>
/// <param name="Marketing">Whether marketing is granted.</param>
public sealed record SiteConsentState(bool HasDecided, bool Analytics, bool Personalization, bool Marketing);

/// <summary>Reads the visitor's consent for the banner.</summary>
public sealed class SiteConsent(IConfiguration configuration)
{
    /// <summary>The package's consent endpoint.</summary>
    public const string Endpoint = "/umbraco/personalization/api/consent";

    /// <summary>Reads the consent of the current request.</summary>
    public SiteConsentState Read(HttpContext context)
    {
        var name = configuration["Umbraco:Personalization:ConsentCookieName"] ?? "up_consent";
        var decided = context.Request.Cookies.ContainsKey(name) || context.Request.Cookies.ContainsKey("__Host-" + name);
        return new SiteConsentState(decided, false, false, false);
    }
}
