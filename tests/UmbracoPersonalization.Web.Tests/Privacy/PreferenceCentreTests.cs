using System.Net;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Tests.TestSite;
using static UmbracoPersonalization.Web.Tests.TestSite.HttpAssertions;

namespace UmbracoPersonalization.Web.Tests.Privacy;

/// <summary>The preference centre view component and its endpoint.</summary>
public sealed class PreferenceCentreTests
{
    private static Task<HttpResponseMessage> PostAsync(CookieClient client, string action, string value = "") =>
        client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/umbraco/personalization/api/me/preferences")
        {
            Content = Form(("action", action), ("value", value), ("returnUrl", "/preferences")),
            Headers = { { "Origin", "http://localhost" } },
        });

    [Fact]
    public async Task WithoutConsent_SaysNothingIsStored_AndRefusesChoices()
    {
        await using var privacy = await PrivacySite.StartAsync("Sqlite");
        using var client = privacy.Site.CreateCookieClient();

        var page = await (await client.GetAsync("/preferences")).ReadHtmlAsync();

        Assert.Contains("nothing about you is stored", page.QuerySelector(".up-preferences")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(client, "pause")).StatusCode);
    }

    [Fact]
    public async Task Explains_WhyTheVisitorSeesAVariant_InPlainWords()
    {
        await using var privacy = await PrivacySite.StartAsync("Sqlite");
        using var client = privacy.Site.CreateCookieClient();
        await PrivacyAcceptanceTests.ConsentAndBrowseAsync(privacy.Site, client, pages: 1);

        var page = await (await client.GetAsync("/preferences?utm_campaign=spring")).ReadHtmlAsync();

        var why = page.QuerySelector(".up-preferences__why dd[data-up-placement='home-hero']")!.TextContent;
        Assert.Equal("Shown because you are in the group \"Spring campaign\".", why);
        Assert.Contains("Spring campaign", page.QuerySelector(".up-preferences__segments")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("campaign-spring", page.QuerySelector(".up-preferences")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_ShowsDefaultsWithTheReason_AndResumeRestores()
    {
        await using var privacy = await PrivacySite.StartAsync("Sqlite");
        using var client = privacy.Site.CreateCookieClient();
        await PrivacyAcceptanceTests.ConsentAndBrowseAsync(privacy.Site, client, pages: 1);

        var pause = await PostAsync(client, "pause");
        Assert.Equal(HttpStatusCode.SeeOther, pause.StatusCode);
        var paused = await (await client.GetAsync("/preferences?utm_campaign=spring")).ReadHtmlAsync();
        Assert.Equal("default", paused.QuerySelector("#hero [data-up-variant]")!.GetAttribute("data-up-variant"));
        Assert.Contains("paused", paused.QuerySelector(".up-preferences__why")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", paused.QuerySelector(".up-preferences__pause button")!.GetAttribute("aria-pressed"));

        await PostAsync(client, "resume");
        var resumed = await (await client.GetAsync("/preferences?utm_campaign=spring")).ReadHtmlAsync();
        Assert.Equal("spring", resumed.QuerySelector("#hero [data-up-variant]")!.GetAttribute("data-up-variant"));
    }

    [Fact]
    public async Task PickTopic_AndRemoveInferredInterest_AreStoredAtOnce()
    {
        await using var privacy = await PrivacySite.StartAsync("Sqlite");
        using var client = privacy.Site.CreateCookieClient();
        var visitorId = await PrivacyAcceptanceTests.ConsentAndBrowseAsync(privacy.Site, client, pages: 1);
        var profiles = privacy.Site.GetRequiredService<IProfileStore>();
        var profile = (await profiles.GetAsync(visitorId))!;
        profile.CategoryInterests["bikes"] = new InterestScore(6, DateTimeOffset.UtcNow);
        Assert.True(await profiles.SaveAsync(profile, profile.Version));

        var before = await (await client.GetAsync("/preferences")).ReadHtmlAsync();
        Assert.Contains("bikes (strong interest)", before.QuerySelector(".up-preferences__interests")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.SeeOther, (await PostAsync(client, "add-topic", "running")).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await PostAsync(client, "remove-interest", "bikes")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(client, "explode", "x")).StatusCode);

        var stored = (await profiles.GetAsync(visitorId))!;
        Assert.Equal(["running"], stored.Topics);
        Assert.DoesNotContain("bikes", stored.CategoryInterests.Keys);
        Assert.Contains("bikes", stored.SuppressedInterests);
        var after = await (await client.GetAsync("/preferences")).ReadHtmlAsync();
        Assert.Contains("running", after.QuerySelector(".up-preferences__topics")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector(".up-preferences__interests"));
        Assert.DoesNotContain(after.QuerySelectorAll("#up-preferences-topic option"), o => o.GetAttribute("value") == "running");
    }

    [Fact]
    public async Task OnDemand_EachPageWithoutAQuery_LinksToItself_RequestAfterRequest()
    {
        await using var site = await TestSite.TestSite.StartAsync();
        using var client = site.CreateCookieClient();

        // The closed centre's link is rendered once per page: each page must still get its own.
        var links = new List<string?>();
        foreach (var path in new[] { "/preferences-on-demand", "/journal/preferences-on-demand", "/preferences-on-demand", "/journal/preferences-on-demand" })
        {
            var link = (await (await client.GetAsync(path)).ReadHtmlAsync()).QuerySelector("footer a.up-preferences__open")!;
            Assert.Equal("Why this? <Yours>", link.TextContent);
            links.Add(link.GetAttribute("href"));
        }

        Assert.Equal(
            [
                "/preferences-on-demand?up-preferences=open#up-preferences",
                "/journal/preferences-on-demand?up-preferences=open#up-preferences",
                "/preferences-on-demand?up-preferences=open#up-preferences",
                "/journal/preferences-on-demand?up-preferences=open#up-preferences",
            ],
            links);
    }

    [Fact]
    public async Task OnDemand_RendersOnlyALink_ThatOpensTheCentreOnTheSamePage_AndChoicesComeBackToIt()
    {
        await using var privacy = await PrivacySite.StartAsync("Sqlite");
        using var client = privacy.Site.CreateCookieClient();
        await PrivacyAcceptanceTests.ConsentAndBrowseAsync(privacy.Site, client, pages: 1);
        const string OpenUrl = "/preferences-on-demand?utm_campaign=spring&up-preferences=open#up-preferences";

        var page = await (await client.GetAsync("/preferences-on-demand?utm_campaign=spring")).ReadHtmlAsync();

        var link = page.QuerySelector("footer a.up-preferences__open")!;
        Assert.Equal("Why this? <Yours>", link.TextContent); // the link text is encoded, not markup
        Assert.Equal(OpenUrl, link.GetAttribute("href"));
        Assert.Null(page.QuerySelector(".up-preferences__why"));
        Assert.Equal("spring", page.QuerySelector("#hero [data-up-variant]")!.GetAttribute("data-up-variant"));

        var opened = await (await client.GetAsync(OpenUrl)).ReadHtmlAsync();

        Assert.Null(opened.QuerySelector("a.up-preferences__open"));
        Assert.Equal("Shown because you are in the group \"Spring campaign\".", opened.QuerySelector(".up-preferences__why dd[data-up-placement='home-hero']")!.TextContent);
        Assert.Equal("/preferences-on-demand?utm_campaign=spring#up-preferences", opened.QuerySelector("#up-preferences .up-preferences__close a")!.GetAttribute("href"));
        var returnUrl = opened.QuerySelector(".up-preferences__pause input[name=returnUrl]")!.GetAttribute("value");
        Assert.Equal(OpenUrl, returnUrl);

        using var pause = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/umbraco/personalization/api/me/preferences")
        {
            Content = Form(("action", "pause"), ("returnUrl", returnUrl!)),
            Headers = { { "Origin", "http://localhost" } },
        });

        Assert.Equal(HttpStatusCode.SeeOther, pause.StatusCode);
        Assert.Equal(OpenUrl, pause.Headers.Location!.OriginalString);
        var paused = await (await client.GetAsync(OpenUrl)).ReadHtmlAsync();
        Assert.Equal("true", paused.QuerySelector(".up-preferences__pause button")!.GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task OnDemand_WithoutConsent_OpensToSayNothingIsStored()
    {
        await using var privacy = await PrivacySite.StartAsync("Sqlite");
        using var client = privacy.Site.CreateCookieClient();

        var page = await (await client.GetAsync("/preferences-on-demand")).ReadHtmlAsync();
        var href = page.QuerySelector("a.up-preferences__open")!.GetAttribute("href")!;
        var opened = await (await client.GetAsync(href)).ReadHtmlAsync();

        Assert.Equal("/preferences-on-demand?up-preferences=open#up-preferences", href);
        Assert.Contains("nothing about you is stored", opened.QuerySelector("#up-preferences")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/preferences-on-demand#up-preferences", opened.QuerySelector(".up-preferences__close a")!.GetAttribute("href"));
    }
}
