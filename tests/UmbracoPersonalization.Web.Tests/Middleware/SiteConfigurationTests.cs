using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Consent;
using UmbracoPersonalization.Web.Tests.TestSite;
using static UmbracoPersonalization.Web.Tests.TestSite.HttpAssertions;

namespace UmbracoPersonalization.Web.Tests.Middleware;

/// <summary>Behaviour that needs its own site (configuration or injected failures).</summary>
public sealed class SiteConfigurationTests
{
    [Fact]
    public async Task CountryHeaderAndTimeZone_AreApplied()
    {
        await using var site = await TestSite.TestSite.StartAsync(new Dictionary<string, string?>
        {
            ["Umbraco:Personalization:CountryHeader"] = "CF-IPCountry",
            ["Umbraco:Personalization:SiteTimeZone"] = "Asia/Kolkata",
        });
        using var client = site.CreateCookieClient();

        var probe = await (await client.GetAsync("/probe", r => r.Headers.Add("CF-IPCountry", "nl"))).ReadProbeAsync();

        Assert.Equal("NL", probe!.Country);
        Assert.Equal(330, probe.OffsetMinutes);
    }

    [Fact]
    public async Task Disabled_SetsNoCookiesAndBuildsNoContext_ButPagesRenderTheirDefaults()
    {
        await using var site = await TestSite.TestSite.StartAsync(new Dictionary<string, string?> { ["Umbraco:Personalization:Enabled"] = "false" });
        using var client = site.CreateCookieClient();
        client.SetCookie("up_consent", "analytics-personalization_1767225600_1");

        var page = await client.GetAsync("/?utm_campaign=spring");
        var probe = await client.GetAsync("/probe");

        Assert.Empty(page.SetCookies());
        Assert.Equal("null", await probe.Content.ReadAsStringAsync());
        var html = await page.ReadHtmlAsync();
        Assert.Equal("default", html.QuerySelector("#hero [data-up-placement]")!.GetAttribute("data-up-variant"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostConsentAsync(Form(("purposes", "all")))).StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ConsentBannerAndPreferenceCentre_RenderOnlyWhilePersonalizationIsOn(bool enabled)
    {
        await using var site = await TestSite.TestSite.StartAsync(new Dictionary<string, string?> { ["Umbraco:Personalization:Enabled"] = enabled ? "true" : "false" });
        using var client = site.CreateCookieClient();

        var page = await (await client.GetAsync("/preferences")).ReadHtmlAsync();
        var onDemand = await (await client.GetAsync("/preferences-on-demand")).ReadHtmlAsync();

        // Switched off, their forms would post to endpoints that answer 404, so none of them is offered.
        Assert.Equal(enabled, page.QuerySelector("section.up-consent") is not null);
        Assert.Equal(enabled, page.QuerySelector("#up-preferences") is not null);
        Assert.Equal(enabled, onDemand.QuerySelector("a.up-preferences__open") is not null);
        Assert.Equal("default", page.QuerySelector("#hero [data-up-placement]")!.GetAttribute("data-up-variant"));
    }

    [Fact]
    public async Task Disabled_TheNeutralVisitorOfARequest_IsNotKeptForTheNext()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2027-03-01T08:30:00Z", CultureInfo.InvariantCulture));
        await using var site = await TestSite.TestSite.StartAsync(
            new Dictionary<string, string?> { ["Umbraco:Personalization:Enabled"] = "false" },
            services: s => s.AddSingleton<TimeProvider>(time));
        using var client = site.CreateCookieClient();

        var morning = await (await client.GetAsync("/liquid-cta")).ReadHtmlAsync();
        time.Advance(TimeSpan.FromHours(6));
        var afternoon = await (await client.GetAsync("/liquid-cta")).ReadHtmlAsync();

        // The placements of one request share one neutral visitor; the next request has its own, at its own time.
        Assert.StartsWith("morning", morning.QuerySelector("#cta [data-up-placement] p")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("afternoon", afternoon.QuerySelector("#cta [data-up-placement] p")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-03-01T08:30:00Z", "UTC", "morning")]
    [InlineData("2027-03-01T14:00:00Z", "UTC", "afternoon")]
    [InlineData("2027-03-01T08:30:00Z", "America/New_York", "evening")] // 03:30 on the site's clock
    public async Task Disabled_TemplatedDefaults_UseTheSiteClockNow(string utcNow, string timeZone, string greeting)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse(utcNow, CultureInfo.InvariantCulture));
        await using var site = await TestSite.TestSite.StartAsync(
            new Dictionary<string, string?>
            {
                ["Umbraco:Personalization:Enabled"] = "false",
                ["Umbraco:Personalization:SiteTimeZone"] = timeZone,
            },
            services: s => s.AddSingleton<TimeProvider>(time));
        using var client = site.CreateCookieClient();

        var html = await (await client.GetAsync("/liquid-cta")).ReadHtmlAsync();

        // Without a visitor context the default variant renders for a neutral visitor, which used to have no time at all
        // (hour 0: "evening" at any hour).
        var cta = html.QuerySelector("#cta [data-up-placement]")!;
        Assert.Equal("liquid", cta.GetAttribute("data-up-variant"));
        Assert.StartsWith(greeting + ", you have visited", cta.QuerySelector("p")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("throws")]
    [InlineData("never answers")] // given up after ProfileLoadTimeout
    public async Task BrokenProfileStore_StillServesThePage_WithATransientProfile(string broken)
    {
        var hanging = new NeverAnsweringProfileStore();
        await using var site = await TestSite.TestSite.StartAsync(
            new Dictionary<string, string?> { ["Umbraco:Personalization:ProfileLoadTimeout"] = "00:00:00.050" },
            services: s =>
            {
                if (broken == "throws")
                {
                    s.AddSingleton<IProfileStore, ThrowingProfileStore>();
                }
                else
                {
                    s.AddSingleton<IProfileStore>(hanging);
                }
            });
        using var client = site.CreateCookieClient();
        await client.PostConsentAsync(Form(("purposes", "all")));

        var page = await client.GetAsync("/?utm_campaign=spring");
        var probe = await (await client.GetAsync("/probe")).ReadProbeAsync();

        var html = await page.ReadHtmlAsync();
        Assert.Equal("spring", html.QuerySelector("#hero [data-up-placement]")!.GetAttribute("data-up-variant"));
        Assert.True(probe!.Identified);
        if (broken == "never answers")
        {
            Assert.True(hanging.Reads >= 2, "Both requests asked the store and were given up on.");
        }
    }

    [Fact]
    public async Task ThrowingConsentProvider_StillServesAPageThatHasTheBanner_WithoutIt()
    {
        await using var site = await TestSite.TestSite.StartAsync(services: s => s.AddSingleton<IConsentProvider, ThrowingConsentProvider>());

        var response = await site.CreateClient().GetAsync("/preferences");

        var html = await response.ReadHtmlAsync();
        Assert.Null(html.QuerySelector(".up-consent"));
        Assert.NotNull(html.QuerySelector("body"));
    }

    [Fact]
    public async Task VisitorCookie_SurvivesARestart_BecauseTheKeyRingIsPersisted()
    {
        var folder = TestSite.TestSite.CreateTempFolder();
        string cookie, visitorId;
        await using (var first = await TestSite.TestSite.StartAsync(contentRoot: folder, keepContentRoot: true))
        {
            using var client = first.CreateCookieClient();
            await client.PostConsentAsync(Form(("purposes", "all")));
            cookie = client.GetCookie("up_vid")!;
            visitorId = (await (await client.GetAsync("/probe")).ReadProbeAsync())!.VisitorId;
        }

        Assert.True(Directory.EnumerateFiles(Path.Combine(folder, "umbraco", "Data", "Personalization", "keys")).Any());
        await using var second = await TestSite.TestSite.StartAsync(contentRoot: folder);
        using var again = second.CreateCookieClient();
        again.SetCookie("up_consent", "analytics-personalization_1767225600_1");
        again.SetCookie("up_vid", cookie);

        var response = await again.GetAsync("/probe");

        Assert.Empty(response.SetCookies());
        Assert.Equal(visitorId, (await response.ReadProbeAsync())!.VisitorId);
    }

    /// <summary>A site's own consent reader that fails on every request.</summary>
    private sealed class ThrowingConsentProvider : IConsentProvider
    {
        public ConsentState GetConsent(HttpContext context) => throw new InvalidOperationException("the CMP is down");
    }
}

/// <summary>The whole path: consent, page views through the real queue and worker, a stored profile read back.</summary>
public sealed class EndToEndProfileTests
{
    [Fact]
    public async Task PageViews_OfAConsentingVisitor_AreStoredAndReadBackOnTheNextRequest()
    {
        await using var site = await TestSite.TestSite.StartAsync();
        using var client = site.CreateCookieClient();
        await client.PostConsentAsync(Form(("purposes", "all")));
        var visitorId = (await (await client.GetAsync("/probe")).ReadProbeAsync())!.VisitorId;

        await client.GetAsync("/");
        await client.GetAsync("/plain");

        var store = site.GetRequiredService<IProfileStore>();
        var profile = await Waiting.UntilAsync(() => store.GetAsync(visitorId), p => p is { PageViews: >= 2 }, "both page views are stored");

        Assert.NotNull(profile);
        Assert.Equal(2, profile.PageViews);
        Assert.Equal(1, profile.Visits);
    }
}
