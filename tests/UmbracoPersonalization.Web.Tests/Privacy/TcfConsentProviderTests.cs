using UmbracoPersonalization.Core.Tests.Consent.Tcf;
using UmbracoPersonalization.Web.Tests.TestSite;
using static UmbracoPersonalization.Web.Tests.TestSite.HttpAssertions;

namespace UmbracoPersonalization.Web.Tests.Privacy;

/// <summary>Consent from an IAB TCF v2.2 TC string in <c>euconsent-v2</c> (ConsentSource = Tcf).</summary>
public sealed class TcfConsentProviderTests
{
    private static Task<PrivacySite> StartAsync() =>
        PrivacySite.StartAsync("Sqlite", new Dictionary<string, string?> { ["Umbraco:Personalization:ConsentSource"] = "Tcf" });

    [Fact]
    public async Task Purposes134_IdentifyTheVisitor()
    {
        await using var privacy = await StartAsync();
        using var client = privacy.Site.CreateCookieClient();
        client.SetCookie("euconsent-v2", new TcStringBuilder { Purposes = [1, 3, 4] }.Build());

        var response = await client.GetAsync("/probe");
        var probe = await response.ReadProbeAsync();

        Assert.True(probe!.Identified);
        Assert.Equal("All", probe.Granted);
        Assert.Contains(response.SetCookies(), c => c.StartsWith("up_vid=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutStorageAccessPurpose_NoCookieIsSet()
    {
        await using var privacy = await StartAsync();
        using var client = privacy.Site.CreateCookieClient();
        client.SetCookie("euconsent-v2", new TcStringBuilder { Purposes = [3, 4, 5, 6] }.Build());

        var response = await client.GetAsync("/probe");

        Assert.False((await response.ReadProbeAsync())!.Identified);
        Assert.Empty(response.SetCookies());
    }

    [Fact]
    public async Task GlobalPrivacyControl_DropsMarketingFromTheTcString()
    {
        await using var privacy = await StartAsync();
        using var client = privacy.Site.CreateCookieClient();
        client.SetCookie("euconsent-v2", new TcStringBuilder { Purposes = [1, 3, 4] }.Build());

        var probe = await (await client.GetAsync("/probe", r => r.Headers.Add("Sec-GPC", "1"))).ReadProbeAsync();

        Assert.Equal("Necessary, Analytics, Personalization", probe!.Granted);
        Assert.True(probe.Gpc);
    }

    [Fact]
    public async Task ConsentEndpoint_WithATcString_RefusesAChoiceTheCmpWouldOverrule()
    {
        await using var privacy = await StartAsync();
        using var client = privacy.Site.CreateCookieClient();
        client.SetCookie("euconsent-v2", new TcStringBuilder { Purposes = [1, 3, 4] }.Build());
        Assert.True((await (await client.GetAsync("/probe")).ReadProbeAsync())!.Identified);

        var response = await client.PostConsentAsync(Form(("purposes", "necessary")));

        Assert.Equal(System.Net.HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(client.GetCookie("up_consent"));
        Assert.True((await (await client.GetAsync("/probe")).ReadProbeAsync())!.Identified);
    }

    [Fact]
    public async Task NoOrGarbageTcString_FallsBackToThePackagesOwnCookie()
    {
        await using var privacy = await StartAsync();
        using var client = privacy.Site.CreateCookieClient();
        client.SetCookie("euconsent-v2", "not-a-tc-string");
        Assert.False((await (await client.GetAsync("/probe")).ReadProbeAsync())!.Identified);

        await client.PostConsentAsync(Form(("purposes", "analytics")));

        Assert.True((await (await client.GetAsync("/probe")).ReadProbeAsync())!.Identified);
    }
}
