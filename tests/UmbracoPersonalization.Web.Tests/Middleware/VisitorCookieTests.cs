using System.Net;
using UmbracoPersonalization.Web.Tests.TestSite;
using static UmbracoPersonalization.Web.Tests.TestSite.HttpAssertions;

namespace UmbracoPersonalization.Web.Tests.Middleware;

public sealed class VisitorCookieTests(DefaultSiteFixture fixture) : IClassFixture<DefaultSiteFixture>
{
    [Fact]
    public async Task Get_BeforeConsent_SetsNoCookieAndDoesNotIdentify()
    {
        using var client = fixture.Site.CreateCookieClient();
        var page = await client.GetAsync("/");
        var probe = await (await client.GetAsync("/probe")).ReadProbeAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Empty(page.SetCookies());
        Assert.False(probe!.Identified);
        Assert.Equal(string.Empty, probe.VisitorId);
        Assert.Equal("Necessary", probe.Granted);
    }

    [Fact]
    public async Task Get_AfterConsent_IdentifiesTheSameVisitorOnEveryRequest()
    {
        using var client = fixture.Site.CreateCookieClient();
        await client.PostConsentAsync(Form(("purposes", "personalization")));

        var first = await (await client.GetAsync("/probe")).ReadProbeAsync();
        var second = await client.GetAsync("/probe");

        Assert.True(first!.Identified);
        Assert.Matches("^[0-9a-f]{32}$", first.VisitorId);
        Assert.Equal(first.VisitorId, (await second.ReadProbeAsync())!.VisitorId);
        Assert.Empty(second.SetCookies()); // the cookie is set once, not on every request
    }

    [Fact]
    public async Task Get_TamperedVisitorCookie_IsANewVisitorNotAnError()
    {
        using var client = fixture.Site.CreateCookieClient();
        await client.PostConsentAsync(Form(("purposes", "all")));
        var original = client.GetCookie("up_vid")!;
        var tampered = original[..^4] + (original.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        client.SetCookie("up_vid", tampered);

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replaced = Assert.Single(response.SetCookies());
        Assert.StartsWith("up_vid=", replaced);
        Assert.Contains("httponly", replaced, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", replaced, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(tampered, client.GetCookie("up_vid"));
    }

    [Fact]
    public async Task Get_ForgedVisitorCookie_IsANewVisitorNotAnError()
    {
        using var client = fixture.Site.CreateCookieClient();
        await client.PostConsentAsync(Form(("purposes", "all")));
        client.SetCookie("up_vid", "0123456789abcdef0123456789abcdef");

        var probe = await (await client.GetAsync("/probe")).ReadProbeAsync();

        Assert.True(probe!.Identified);
        Assert.NotEqual("0123456789abcdef0123456789abcdef", probe.VisitorId);
    }

    [Fact]
    public async Task Get_VisitorCookieWithoutConsent_IsDeleted()
    {
        using var client = fixture.Site.CreateCookieClient();
        client.SetCookie("up_vid", "left-over");

        var response = await client.GetAsync("/");

        Assert.Contains(response.SetCookies(), c => c.StartsWith("up_vid=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Https_UsesHostPrefixedSecureCookies()
    {
        using var client = fixture.Site.CreateCookieClient(https: true);
        var response = await client.PostConsentAsync(Form(("purposes", "all")));

        var cookies = response.SetCookies();
        Assert.Equal(2, cookies.Count);
        Assert.All(cookies, c =>
        {
            Assert.StartsWith("__Host-", c);
            Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("path=/", c, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", c, StringComparison.OrdinalIgnoreCase);
            Assert.True(c.Length < 4096);
        });
        Assert.True((await (await client.GetAsync("/probe")).ReadProbeAsync())!.Identified);
    }

    [Fact]
    public async Task SecGpc_WithAll_GrantsPersonalizationButNeverMarketing()
    {
        using var client = fixture.Site.CreateCookieClient();
        await client.PostConsentAsync(Form(("purposes", "all")), r => r.Headers.Add("Sec-GPC", "1"));
        client.SetCookie("up_consent", "analytics-personalization-marketing_1767225600_1"); // even if the cookie says so

        var probe = await (await client.GetAsync("/probe", r => r.Headers.Add("Sec-GPC", "1"))).ReadProbeAsync();

        Assert.True(probe!.Gpc);
        Assert.Equal("Necessary, Analytics, Personalization", probe.Granted);
        Assert.True(probe.Identified);
    }

    [Fact]
    public async Task Consent_UnderAnotherPolicyVersion_CountsAsUndecided()
    {
        using var client = fixture.Site.CreateCookieClient();
        client.SetCookie("up_consent", "analytics-personalization_1767225600_0");

        var probe = await (await client.GetAsync("/probe")).ReadProbeAsync();

        Assert.Equal("Necessary", probe!.Granted);
        Assert.False(probe.Identified);
    }
}
