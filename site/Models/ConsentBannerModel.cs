namespace UmbracoPersonalization.Site.Models;

/// <summary>What the consent form shows.</summary>
/// <param name="Consent">The visitor's current consent.</param>
/// <param name="ReturnUrl">Where to come back to after choosing.</param>
/// <param name="Inline">Whether the form is part of the page (privacy settings) rather than a banner.</param>
public sealed record ConsentBannerModel(SiteConsentState Consent, string ReturnUrl, bool Inline);
