using System.Net;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Site.Tests.Infrastructure;
using UmbracoPersonalization.Web.Consent;

namespace UmbracoPersonalization.Site.Tests.Acceptance;

/// <summary>Consent through the banner's endpoint, Global Privacy Control, and a forged visitor cookie.</summary>
public sealed class ConsentTests : IDisposable
{
    private readonly TempFolder _data = new();
    private readonly SiteFactory _site;

    public ConsentTests() => _site = new SiteFactory(_data.Path);

    [Fact]
    public async Task BannerForm_AcceptAll_RedirectsBackAndHidesTheBanner()
    {
        var visitor = new Visitor();
        var client = visitor.ClientFor(_site);
        var before = await client.GetPageAsync("/running/");

        using var response = await client.SubmitAsync(before.QuerySelector(".up-consent form.up-consent__quick"), "Accept all");
        var after = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the 303 was followed back to the page
        Assert.Equal("/running/", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Null(after.QuerySelector(".up-consent"));
        Assert.NotNull(visitor.Cookie(Visitor.VisitorCookie));
        Assert.True(ConsentCookie.Parse(visitor.Cookie(Visitor.ConsentCookie))!.Allows(ConsentPurposes.All));
    }

    [Fact]
    public async Task BannerForm_OnlyNecessary_SetsNoVisitorCookie()
    {
        var visitor = new Visitor();
        var client = visitor.ClientFor(_site);
        var before = await client.GetPageAsync("/");

        using var response = await client.SubmitAsync(before.QuerySelector(".up-consent form.up-consent__quick"), "Only necessary");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var consent = ConsentCookie.Parse(visitor.Cookie(Visitor.ConsentCookie));
        Assert.NotNull(consent);
        Assert.False(consent.Allows(ConsentPurposes.Analytics));
        Assert.False(consent.Allows(ConsentPurposes.Personalization));
        Assert.Null(visitor.Cookie(Visitor.VisitorCookie));
    }

    [Fact]
    public async Task BannerForm_ChoosePurposes_GrantsOnlyTheTickedOnes()
    {
        var visitor = new Visitor();
        var client = visitor.ClientFor(_site);
        var before = await client.GetPageAsync("/camping/");

        using var response = await client.SubmitAsync(
            before.QuerySelector(".up-consent .up-consent__details form"), "Save my choices", check: ["personalization"]);

        Assert.Equal("/camping/", response.RequestMessage!.RequestUri!.AbsolutePath);
        var consent = ConsentCookie.Parse(visitor.Cookie(Visitor.ConsentCookie));
        Assert.NotNull(consent);
        Assert.True(consent.Allows(ConsentPurposes.Personalization));
        Assert.False(consent.Allows(ConsentPurposes.Analytics));
        Assert.False(consent.Allows(ConsentPurposes.Marketing));
        Assert.NotNull(visitor.Cookie(Visitor.VisitorCookie));
    }

    [Fact]
    public async Task NecessaryOnly_SetsNoVisitorCookie()
    {
        var visitor = new Visitor();
        var client = visitor.ClientFor(_site);

        using var response = await Visitor.ConsentAsync(client, "necessary");
        await client.GetPageAsync("/bikes/gravel-one/");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.NotNull(visitor.Cookie(Visitor.ConsentCookie));
        Assert.Null(visitor.Cookie(Visitor.VisitorCookie));
    }

    [Fact]
    public async Task GlobalPrivacyControl_GrantingAll_GrantsPersonalizationButNotMarketing()
    {
        var visitor = new Visitor();
        var client = visitor.ClientFor(_site);

        using var response = await Visitor.ConsentAsync(client, "all", r => r.Headers.Add("Sec-GPC", "1"));
        var settings = await client.GetPageAsync("/privacy-settings");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var consent = ConsentCookie.Parse(visitor.Cookie(Visitor.ConsentCookie));
        Assert.NotNull(consent);
        Assert.True(consent.Allows(ConsentPurposes.Personalization | ConsentPurposes.Analytics));
        Assert.False(consent.Allows(ConsentPurposes.Marketing));
        Assert.NotNull(visitor.Cookie(Visitor.VisitorCookie));

        // The site's privacy page shows what the package read back from the cookie.
        Assert.True(settings.QuerySelector("input[value='personalization']")!.HasAttribute("checked"));
        Assert.False(settings.QuerySelector("input[value='marketing']")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task TamperedVisitorCookie_IsIgnored_AndTheVisitorStartsAnew()
    {
        var visitor = new Visitor();
        var client = visitor.ClientFor(_site);
        (await Visitor.ConsentAsync(client, "all")).Dispose();
        var original = visitor.Cookie(Visitor.VisitorCookie)!;
        var tampered = original[..^4] + (original[^4..] == "AAAA" ? "BBBB" : "AAAA");

        var raw = Visitor.AsBrowser(_site.CreateClient(new() { HandleCookies = false }));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", $"{Visitor.ConsentCookie}={visitor.Cookie(Visitor.ConsentCookie)}; {Visitor.VisitorCookie}={tampered}");
        using var response = await raw.SendAsync(request);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("default", Visitor.HeroVariant(page));
        Assert.True(response.Headers.Contains("Set-Cookie"), $"No Set-Cookie; sent {request.Headers}; got {response.Headers}");
        var reissued = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Visitor.VisitorCookie + "=", StringComparison.Ordinal));
        var value = reissued[(Visitor.VisitorCookie.Length + 1)..reissued.IndexOf(';', StringComparison.Ordinal)];
        Assert.NotEqual(tampered, value);
        Assert.NotEqual(original, value);
    }

    [Theory]
    [InlineData("not-a-cookie")]
    [InlineData("")]
    [InlineData("%%%")]
    public async Task GarbageVisitorCookie_NeverBreaksThePage(string value)
    {
        var raw = Visitor.AsBrowser(_site.CreateClient(new() { HandleCookies = false }));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/bikes/");
        request.Headers.Add("Cookie", $"{Visitor.ConsentCookie}=garbage; {Visitor.VisitorCookie}={value}");

        using var response = await raw.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public void Dispose()
    {
        _site.Dispose();
        _data.Dispose();
    }
}
