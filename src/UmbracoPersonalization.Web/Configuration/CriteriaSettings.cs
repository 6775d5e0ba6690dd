namespace UmbracoPersonalization.Web.Configuration;

/// <summary>
/// Request data offered to conditions beyond the built-in attributes, bound from
/// <c>Umbraco:Personalization:Criteria</c>. Only what is listed here is read: cookies and session values are
/// allow-listed so that a condition can never read an authentication or antiforgery cookie.
/// </summary>
public sealed class CriteriaSettings
{
    /// <summary>Cookie names offered as <c>cookies.&lt;name&gt;</c>. Default: none.</summary>
    public string[] Cookies { get; set; } = [];

    /// <summary>Session keys offered as <c>session.&lt;key&gt;</c> (only when the host uses ASP.NET Core sessions). Default: none.</summary>
    public string[] SessionKeys { get; set; } = [];

    /// <summary>Request header holding the visitor's region/state code set by a CDN (e.g. <c>CloudFront-Viewer-Country-Region</c>). Default: none.</summary>
    public string? RegionHeader { get; set; }

    /// <summary>Request header holding the visitor's continent code set by a CDN (e.g. Cloudflare's <c>CF-IPContinent</c>). Default: none.</summary>
    public string? ContinentHeader { get; set; }

    /// <summary>Claim type holding the member type alias (add it at sign-in, or register your own attribute provider). Default: <c>up:memberType</c>.</summary>
    public string MemberTypeClaim { get; set; } = "up:memberType";

    /// <summary>Claim types offered as member profile fields <c>member.&lt;claim type&gt;</c>. Default: none.</summary>
    public string[] MemberProfileClaims { get; set; } = [];
}
