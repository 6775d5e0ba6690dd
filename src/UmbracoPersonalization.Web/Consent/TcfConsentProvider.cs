using Microsoft.AspNetCore.Http;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Consent.Tcf;

namespace UmbracoPersonalization.Web.Consent;

/// <summary>
/// Reads consent from an IAB TCF v2.2 TC string that the site's CMP keeps in the <c>euconsent-v2</c> cookie, mapping
/// TCF purposes to ours with <see cref="TcfPurposeMapping"/> (default: purpose 1 → analytics; 1 + 3 + 4 →
/// personalization and marketing). Without that cookie, or with one that does not decode, it answers what
/// <paramref name="fallback"/> says (the package's own cookie by default), so the own banner still works.
/// </summary>
/// <param name="fallback">The provider used when no TC string is present.</param>
/// <param name="mapping">The purpose mapping; <see cref="TcfPurposeMapping.Default"/> when null.</param>
public sealed class TcfConsentProvider(IConsentProvider fallback, TcfPurposeMapping? mapping = null) : IConsentProvider
{
    /// <summary>The cookie a TCF v2 CMP writes.</summary>
    public const string CookieName = "euconsent-v2";

    private readonly TcfPurposeMapping _mapping = mapping ?? TcfPurposeMapping.Default;

    /// <summary>Whether the request carries a TC string this provider reads (then the CMP, not the package, holds the choice).</summary>
    /// <param name="httpContext">The request.</param>
    /// <returns><c>true</c> when <c>euconsent-v2</c> is present and decodes.</returns>
    public static bool HasTcString(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return httpContext.Request.Cookies[CookieName] is { } value && TcStringDecoder.TryDecode(value, out _);
    }

    /// <inheritdoc />
    public ConsentState GetConsent(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var value = httpContext.Request.Cookies[CookieName];
        return value is not null && TcStringDecoder.TryDecode(value, out var tcString)
            ? _mapping.ToState(tcString)
            : fallback.GetConsent(httpContext);
    }
}
