using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Web.Configuration;

namespace UmbracoPersonalization.Web.Consent;

/// <summary>
/// Reads consent from the package's first-party consent cookie. A choice made under another
/// <see cref="PersonalizationSettings.ConsentPolicyVersion"/>, or a malformed cookie, counts as undecided. The state carries
/// one <see cref="ConsentDecision"/> per purpose (granted or denied, with the time of the choice).
/// </summary>
public sealed class CookieConsentProvider : IConsentProvider
{
    private readonly IOptionsMonitor<PersonalizationSettings> _settings;

    /// <summary>Creates the provider.</summary>
    public CookieConsentProvider(IOptionsMonitor<PersonalizationSettings> settings) => _settings = settings;

    /// <inheritdoc />
    public ConsentState GetConsent(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var settings = _settings.CurrentValue;
        var value = httpContext.Request.Cookies[PersonalizationCookies.ConsentName(httpContext.Request, settings)];
        var state = ConsentCookie.Parse(value);
        if (state is not { DecidedAt: { } decidedAt, PolicyVersion: { } version })
        {
            return ConsentState.Undecided;
        }

        // The cookie holds one choice for all purposes: expand it into per-purpose decisions (granted or denied, same
        // moment). A choice made under another policy version counts as undecided.
        return ConsentRecord.For(version, state.Granted, decidedAt).ToState(settings.ConsentPolicyVersion);
    }
}
