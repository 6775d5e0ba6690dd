using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Web.Caching;
using UmbracoPersonalization.Web.Configuration;

namespace UmbracoPersonalization.Web.Consent;

/// <summary>
/// Reads consent from the package's first-party consent cookie. A choice made under another
/// <see cref="PersonalizationSettings.ConsentPolicyVersion"/>, or a malformed cookie, counts as undecided. The state carries
/// one <see cref="ConsentDecision"/> per purpose (granted or denied, with the time of the choice).
/// </summary>
/// <remarks>
/// A visitor sends the same cookie on every request, so the state read from a cookie value is remembered (at most
/// <see cref="MemoCapacity"/> values, emptied when full): <see cref="ConsentState"/> is immutable and depends only on
/// the value and the policy version, which is part of the memo's key. The next request of the same keep-alive
/// connection with the same <c>Cookie</c> header reuses the state without looking it up (see
/// <see cref="PersonalizationCookieValues"/>).
/// </remarks>
public sealed class CookieConsentProvider : IConsentProvider
{
    /// <summary>How many cookie values are remembered at most.</summary>
    public const int MemoCapacity = 10_000;

    private const int MaxMemoizedLength = 1024;

    private readonly IOptionsMonitor<PersonalizationSettings> _settings;
    private readonly BoundedMemo<(string Value, string Policy), ConsentState> _memo = new(MemoCapacity);
    private readonly Func<string, string, ConsentState> _readMemoized;

    /// <summary>Creates the provider.</summary>
    public CookieConsentProvider(IOptionsMonitor<PersonalizationSettings> settings)
    {
        _settings = settings;
        _readMemoized = ReadMemoized;
    }

    /// <inheritdoc />
    public ConsentState GetConsent(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var settings = _settings.CurrentValue;
        var values = PersonalizationCookieValues.Read(httpContext, settings);
        if (values.Consent is null)
        {
            return ConsentState.Undecided;
        }

        return values.ConsentFor(settings.ConsentPolicyVersion, _readMemoized);
    }

    private ConsentState ReadMemoized(string value, string policyVersion) =>
        value.Length <= MaxMemoizedLength
            ? _memo.GetOrAdd((value, policyVersion), 0, static (key, _) => Read(key.Value, key.Policy))
            : Read(value, policyVersion);

    private static ConsentState Read(string value, string policyVersion)
    {
        var state = ConsentCookie.Parse(value);
        if (state is not { DecidedAt: { } decidedAt, PolicyVersion: { } version })
        {
            return ConsentState.Undecided;
        }

        // The cookie holds one choice for all purposes: expand it into per-purpose decisions (granted or denied, same
        // moment). A choice made under another policy version counts as undecided.
        return ConsentRecord.For(version, state.Granted, decidedAt).ToState(policyVersion);
    }
}
