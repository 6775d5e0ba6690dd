using Microsoft.AspNetCore.Http;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Consent;
using UmbracoPersonalization.Web.Tests.TestSite;

namespace UmbracoPersonalization.Web.Tests.Consent;

/// <summary>The provider remembers what a cookie value means; the memo must never outlive a policy change.</summary>
public class CookieConsentProviderTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private static HttpContext Request(PersonalizationSettings settings, string? cookie)
    {
        var context = new DefaultHttpContext();
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = $"{PersonalizationCookies.ConsentName(context.Request, settings)}={cookie}";
        }

        return context;
    }

    [Fact]
    public void TheSameCookie_ReadsTheSameEveryTime_UntilThePolicyVersionChanges()
    {
        var settings = new PersonalizationSettings { ConsentPolicyVersion = "2026-05" };
        var provider = new CookieConsentProvider(new StaticOptionsMonitor<PersonalizationSettings>(settings));
        var cookie = ConsentCookie.Format(ConsentPurposes.All, At, "2026-05");

        var first = provider.GetConsent(Request(settings, cookie));
        var second = provider.GetConsent(Request(settings, cookie));
        settings.ConsentPolicyVersion = "2026-06";
        var afterBump = provider.GetConsent(Request(settings, cookie));
        settings.ConsentPolicyVersion = "2026-05";
        var back = provider.GetConsent(Request(settings, cookie));

        Assert.True(first.IsDecided);
        Assert.True(first.Allows(ConsentPurposes.Personalization));
        Assert.Same(first, second);
        Assert.False(afterBump.IsDecided);
        Assert.True(back.IsDecided);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("garbage")]
    public void NoOrAMalformedCookie_IsUndecided(string? cookie)
    {
        var settings = new PersonalizationSettings();
        var provider = new CookieConsentProvider(new StaticOptionsMonitor<PersonalizationSettings>(settings));

        Assert.False(provider.GetConsent(Request(settings, cookie)).IsDecided);
        Assert.False(provider.GetConsent(Request(settings, cookie)).IsDecided);
    }
}
