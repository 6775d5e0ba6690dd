using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Web.Configuration;

namespace UmbracoPersonalization.Web.Consent;

/// <summary>The values of the package's two cookies (consent and visitor) in one request.</summary>
/// <remarks>
/// Reading <c>Request.Cookies</c> parses every cookie of the request into a new dictionary. A visitor's browser sends the
/// same <c>Cookie</c> header on request after request of a keep-alive connection, and Kestrel hands out the same string
/// for a header value that did not change, so the values found in that header are kept on the connection (HTTP/1.x only,
/// where its requests never overlap) and reused while the header and the cookie names are unchanged. Any other
/// header is read through <c>Request.Cookies</c> as before, so both ways give the same values. The consent state read
/// from the consent cookie is kept with them (see <see cref="ConsentFor"/>).
/// </remarks>
internal sealed class PersonalizationCookieValues
{
    // Longer headers are not kept: a connection holds at most this much besides the two values.
    private const int MaxKeptHeaderLength = 8192;

    private static readonly object ConnectionItemKey = new();

    private readonly string _header;
    private readonly string _consentName;
    private readonly string _visitorName;
    private KeptConsent? _consent;

    private PersonalizationCookieValues(string header, string consentName, string visitorName, string? consent, string? visitor)
    {
        _header = header;
        _consentName = consentName;
        _visitorName = visitorName;
        Consent = consent;
        Visitor = visitor;
    }

    /// <summary>The consent cookie's value, or <c>null</c> when the request has none.</summary>
    public string? Consent { get; }

    /// <summary>The (protected) visitor cookie's value, or <c>null</c> when the request has none.</summary>
    public string? Visitor { get; }

    /// <summary>The values of the package's cookies in <paramref name="context"/>'s request.</summary>
    public static PersonalizationCookieValues Read(HttpContext context, PersonalizationSettings settings)
    {
        var request = context.Request;
        var consentName = PersonalizationCookies.ConsentName(request, settings);
        var visitorName = PersonalizationCookies.VisitorName(request, settings);
        var header = request.Headers.Cookie;
        var raw = header.Count == 1 ? header[0] : null;
        var items = raw is not null && (HttpProtocol.IsHttp11(request.Protocol) || HttpProtocol.IsHttp10(request.Protocol))
            ? context.Features.Get<IConnectionItemsFeature>()?.Items
            : null;
        if (items is not null
            && items.TryGetValue(ConnectionItemKey, out var kept) && kept is PersonalizationCookieValues known
            && known.IsFor(raw!, consentName, visitorName))
        {
            return known;
        }

        var cookies = request.Cookies;
        var values = new PersonalizationCookieValues(raw ?? string.Empty, consentName, visitorName, cookies[consentName], cookies[visitorName]);
        if (items is not null && raw!.Length <= MaxKeptHeaderLength)
        {
            items[ConnectionItemKey] = values;
        }

        return values;
    }

    /// <summary>
    /// The consent state of <see cref="Consent"/> (not null) under <paramref name="policyVersion"/>: made by
    /// <paramref name="read"/> the first time, then kept with these values for the connection's next requests. Only
    /// <see cref="CookieConsentProvider"/> reads it, so one kept state per policy version is enough.
    /// </summary>
    public ConsentState ConsentFor(string policyVersion, Func<string, string, ConsentState> read)
    {
        var consent = Consent ?? throw new InvalidOperationException("The request has no consent cookie.");
        if (Volatile.Read(ref _consent) is { } kept && string.Equals(kept.PolicyVersion, policyVersion, StringComparison.Ordinal))
        {
            return kept.State;
        }

        var state = read(consent, policyVersion);
        Volatile.Write(ref _consent, new KeptConsent(policyVersion, state));
        return state;
    }

    private bool IsFor(string header, string consentName, string visitorName) =>
        string.Equals(header, _header, StringComparison.Ordinal)
        && string.Equals(consentName, _consentName, StringComparison.Ordinal)
        && string.Equals(visitorName, _visitorName, StringComparison.Ordinal);

    private sealed record KeptConsent(string PolicyVersion, ConsentState State);
}
