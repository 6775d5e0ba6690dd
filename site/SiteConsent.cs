using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Site;

/// <summary>The consent state the site's banner needs.</summary>
/// <param name="HasDecided">Whether the visitor has made a choice.</param>
/// <param name="Analytics">Whether analytics is granted.</param>
/// <param name="Personalization">Whether personalization is granted.</param>
/// <param name="Marketing">Whether marketing is granted.</param>
public sealed record SiteConsentState(bool HasDecided, bool Analytics, bool Personalization, bool Marketing);

/// <summary>Reads the visitor's consent, as the package's middleware read it, for the banner.</summary>
public sealed class SiteConsent(IVisitorContextAccessor visitor)
{
    /// <summary>The package's consent endpoint.</summary>
    public const string Endpoint = Web.Consent.ConsentEndpoint.Path;

    /// <summary>Reads the consent of the current request.</summary>
    public SiteConsentState Read()
    {
        var consent = visitor.VisitorContext?.Consent ?? ConsentState.Undecided;
        return new SiteConsentState(
            consent.DecidedAt is not null,
            consent.Allows(ConsentPurposes.Analytics),
            consent.Allows(ConsentPurposes.Personalization),
            consent.Allows(ConsentPurposes.Marketing));
    }
}
