using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Consent;
using UmbracoPersonalization.Web.Tests.TestSite;

namespace UmbracoPersonalization.Web.Tests.Consent;

/// <summary>
/// The package's cookie values are kept on a keep-alive HTTP/1.x connection while its <c>Cookie</c> header is unchanged;
/// anything else (another header, other cookie names, another protocol) is read from the request again.
/// </summary>
public class PersonalizationCookieValuesTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private static HttpContext Request(ConnectionItemsFeature connection, string? cookieHeader, string protocol = "HTTP/1.1", bool https = false)
    {
        var context = new DefaultHttpContext();
        context.Features.Set<IConnectionItemsFeature>(connection);
        context.Request.Protocol = protocol;
        context.Request.IsHttps = https;
        if (cookieHeader is not null)
        {
            context.Request.Headers.Cookie = cookieHeader;
        }

        return context;
    }

    /// <summary>Whether the request's cookies were parsed (ASP.NET Core creates this feature on the first read).</summary>
    private static bool CookiesParsed(HttpContext context) => context.Features.Get<IRequestCookiesFeature>() is not null;

    [Fact]
    public void TheSameHeaderOnTheSameConnection_IsNotParsedAgain()
    {
        var settings = new PersonalizationSettings();
        var connection = new ConnectionItemsFeature();
        var header = "theme=dark; up_consent=c1; up_vid=v1";

        var firstRequest = Request(connection, header);
        var first = PersonalizationCookieValues.Read(firstRequest, settings);
        var secondRequest = Request(connection, header);
        var second = PersonalizationCookieValues.Read(secondRequest, settings);

        Assert.Equal("c1", first.Consent);
        Assert.Equal("v1", first.Visitor);
        Assert.True(CookiesParsed(firstRequest));
        Assert.Same(first, second);
        Assert.False(CookiesParsed(secondRequest));
    }

    [Fact]
    public void AnEqualHeaderInANewString_IsReusedToo()
    {
        var settings = new PersonalizationSettings();
        var connection = new ConnectionItemsFeature();

        var first = PersonalizationCookieValues.Read(Request(connection, "up_consent=c1; up_vid=v1"), settings);
        var second = PersonalizationCookieValues.Read(Request(connection, string.Concat("up_consent=c1; ", "up_vid=v1")), settings);

        Assert.Same(first, second);
    }

    [Theory]
    [InlineData("up_consent=c2; up_vid=v1", "c2", "v1")] // a new choice
    [InlineData("up_vid=v1", null, "v1")] // the consent cookie deleted
    [InlineData("up_consent=c1", "c1", null)] // the visitor cookie deleted (erasure)
    [InlineData("up_consent=c1; up_vid=v2", "c1", "v2")]
    public void AChangedHeader_IsReadAgain(string changed, string? consent, string? visitor)
    {
        var settings = new PersonalizationSettings();
        var connection = new ConnectionItemsFeature();
        PersonalizationCookieValues.Read(Request(connection, "up_consent=c1; up_vid=v1"), settings);

        var request = Request(connection, changed);
        var values = PersonalizationCookieValues.Read(request, settings);

        Assert.Equal(consent, values.Consent);
        Assert.Equal(visitor, values.Visitor);
        Assert.True(CookiesParsed(request));
    }

    [Fact]
    public void NoCookieHeader_AfterOneWithCookies_HasNoValues()
    {
        var settings = new PersonalizationSettings();
        var connection = new ConnectionItemsFeature();
        PersonalizationCookieValues.Read(Request(connection, "up_consent=c1; up_vid=v1"), settings);

        var values = PersonalizationCookieValues.Read(Request(connection, cookieHeader: null), settings);

        Assert.Null(values.Consent);
        Assert.Null(values.Visitor);
    }

    [Fact]
    public void OtherCookieNames_AreReadAgain()
    {
        var connection = new ConnectionItemsFeature();
        var header = "up_consent=c1; up_vid=v1; __Host-up_consent=h1; __Host-up_vid=hv1; my_consent=m1";
        PersonalizationCookieValues.Read(Request(connection, header), new PersonalizationSettings());

        var overHttps = PersonalizationCookieValues.Read(Request(connection, header, https: true), new PersonalizationSettings());
        var renamed = PersonalizationCookieValues.Read(Request(connection, header), new PersonalizationSettings { ConsentCookieName = "my_consent" });

        Assert.Equal("h1", overHttps.Consent);
        Assert.Equal("hv1", overHttps.Visitor);
        Assert.Equal("m1", renamed.Consent);
        Assert.Equal("v1", renamed.Visitor);
    }

    [Theory]
    [InlineData("HTTP/2")]
    [InlineData("HTTP/3")]
    public void OnAMultiplexedConnection_NothingIsKept(string protocol)
    {
        var settings = new PersonalizationSettings();
        var connection = new ConnectionItemsFeature();
        var header = "up_consent=c1; up_vid=v1";

        var first = PersonalizationCookieValues.Read(Request(connection, header, protocol), settings);
        var secondRequest = Request(connection, header, protocol);
        var second = PersonalizationCookieValues.Read(secondRequest, settings);

        Assert.Equal("c1", second.Consent);
        Assert.NotSame(first, second);
        Assert.True(CookiesParsed(secondRequest));
        Assert.Empty(connection.Items);
    }

    [Fact]
    public void SeveralCookieHeaders_AreReadThroughTheRequestsCookies()
    {
        var settings = new PersonalizationSettings();
        var connection = new ConnectionItemsFeature();
        var context = Request(connection, cookieHeader: null);
        context.Request.Headers.Cookie = new Microsoft.Extensions.Primitives.StringValues(["up_consent=c1", "up_vid=v1"]);

        var values = PersonalizationCookieValues.Read(context, settings);

        Assert.Equal("c1", values.Consent);
        Assert.Equal("v1", values.Visitor);
        Assert.Empty(connection.Items);
    }

    [Fact]
    public void TheConsentState_IsKeptWithTheValues_UntilThePolicyVersionChanges()
    {
        var settings = new PersonalizationSettings { ConsentPolicyVersion = "2026-05" };
        var provider = new CookieConsentProvider(new StaticOptionsMonitor<PersonalizationSettings>(settings));
        var connection = new ConnectionItemsFeature();
        var header = "up_consent=" + ConsentCookie.Format(ConsentPurposes.All, At, "2026-05");

        var first = provider.GetConsent(Request(connection, header));
        var second = provider.GetConsent(Request(connection, header));
        settings.ConsentPolicyVersion = "2026-06";
        var afterBump = provider.GetConsent(Request(connection, header));
        var withdrawn = provider.GetConsent(Request(connection, "up_consent=" + ConsentCookie.Format(ConsentPurposes.Necessary, At, "2026-06")));

        Assert.True(first.Allows(ConsentPurposes.Personalization));
        Assert.Same(first, second);
        Assert.False(afterBump.IsDecided);
        Assert.True(withdrawn.IsDecided);
        Assert.False(withdrawn.Allows(ConsentPurposes.Personalization));
    }

    /// <summary>A connection's items, as Kestrel offers them to each request of the connection.</summary>
    private sealed class ConnectionItemsFeature : IConnectionItemsFeature
    {
        public IDictionary<object, object?> Items { get; set; } = new ConnectionItems();
    }
}
