using Microsoft.AspNetCore.Http;
using UmbracoPersonalization.Core.Consent;

namespace UmbracoPersonalization.Web.Consent;

/// <summary>
/// Reads what the visitor consented to. The default reads the package's own consent cookie; a site with its own
/// consent-management platform replaces it (register yours with <c>AddUnique</c> or after <c>AddPersonalization</c>).
/// <c>Sec-GPC: 1</c> is applied by the package on top of whatever the provider returns.
/// </summary>
public interface IConsentProvider
{
    /// <summary>The visitor's consent for this request; <see cref="ConsentState.Undecided"/> when they have not chosen.</summary>
    ConsentState GetConsent(HttpContext httpContext);
}
