using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using UmbracoPersonalization.Site.Tests.Infrastructure;

namespace UmbracoPersonalization.Site.Tests.Acceptance;

/// <summary>
/// The privacy settings page: the package's preference centre (inferred interests, picked topics, pause) and the
/// visitor's own export and erasure, each driven through the page's forms as a browser without JavaScript would.
/// </summary>
public sealed class PrivacyTests : IDisposable
{
    private const string PrivacyPage = "/privacy-settings";
    private static readonly string[] BikePages = ["/bikes/", "/bikes/", "/bikes/"];

    private readonly TempFolder _data = new();
    private readonly SiteFactory _site;

    public PrivacyTests() => _site = new SiteFactory(_data.Path);

    private string Database => Path.Combine(_data.Path, ProfileDatabase.FileName);

    [Fact]
    public async Task WithoutConsent_ThePageSaysNothingIsStored_AndOffersNoDataButtons()
    {
        var page = await Visitor.AsBrowser(_site.CreateClient()).GetPageAsync(PrivacyPage);

        Assert.NotNull(page.QuerySelector(".up-preferences .up-preferences__note"));
        Assert.Null(page.QuerySelector("[data-your-data] [data-export]"));
        Assert.Contains("We store nothing about you", Html.Normalize(page.QuerySelector("[data-your-data]")?.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreferenceCentre_ShowsAnInferredInterest_AfterThreeCategoryPageViews()
    {
        var client = await BikeFanAsync(new Visitor());

        var page = await Eventually.Until(
            () => client.GetPageAsync(PrivacyPage),
            p => Interests(p).Any(i => i.StartsWith("bikes", StringComparison.Ordinal)),
            "bikes among the inferred interests");

        Assert.Equal(["bikes (some interest)"], Interests(page));
        Assert.Contains("Bikes fans", Html.Normalize(page.QuerySelector(".up-preferences__segments")?.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomePage_ExplainsTheHeroInPlainWords_OnceTheVisitorOpensThePreferenceCentre()
    {
        var client = await BikeFanAsync(new Visitor());
        var home = await HeroAsync(client, "bikes", "the bikes hero after three bike pages");
        Assert.Null(home.QuerySelector(".up-preferences__why")); // on demand: the page carries only the link
        var open = home.QuerySelector(".why-panel a.up-preferences__open")?.GetAttribute("href");
        Assert.Equal("/?up-preferences=open#up-preferences", open);

        var opened = await client.GetPageAsync(open!);

        var why = opened.QuerySelector(".why-panel .up-preferences__why dd[data-up-placement='home-hero']");
        Assert.Equal("Shown because you are in the group \"Bikes fans\".", Html.Normalize(why?.TextContent));
        Assert.Equal("/#up-preferences", opened.QuerySelector(".why-panel .up-preferences__close a")?.GetAttribute("href"));
        Assert.Equal("bikes", Visitor.HeroVariant(opened));
    }

    [Fact]
    public async Task PickingATopic_OutranksTheInferredInterest_OnTheHomeHero()
    {
        var client = await BikeFanAsync(new Visitor());
        await HeroAsync(client, "bikes", "the bikes hero after three bike pages");
        var settings = await client.GetPageAsync(PrivacyPage);

        using var response = await client.SubmitAsync(settings.QuerySelector("form.up-preferences__add"), "Add", select: "camping");

        Assert.Equal(PrivacyPage, response.RequestMessage!.RequestUri!.AbsolutePath);
        var after = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(["camping"], after.QuerySelectorAll(".up-preferences__topics li span").Select(s => s.TextContent));
        var home = await HeroAsync(client, "camping", "the camping hero once camping is picked");
        Assert.Equal("Sleep under the stars", Html.Normalize(home.QuerySelector(".hero__title")?.TextContent));
    }

    [Fact]
    public async Task PausingPersonalization_ShowsTheDefaultHero_AndResumingBringsItBack()
    {
        var client = await BikeFanAsync(new Visitor());
        await HeroAsync(client, "bikes", "the bikes hero after three bike pages");

        using (var paused = await client.SubmitAsync((await client.GetPageAsync(PrivacyPage)).QuerySelector("form.up-preferences__pause"), "Pause personalization"))
        {
            var page = await Html.ParseAsync(await paused.Content.ReadAsStringAsync());
            Assert.NotNull(page.QuerySelector(".up-preferences__status"));
        }

        await HeroAsync(client, "default", "the default hero while paused");

        (await client.SubmitAsync((await client.GetPageAsync(PrivacyPage)).QuerySelector("form.up-preferences__pause"), "Resume personalization")).Dispose();
        await HeroAsync(client, "bikes", "the bikes hero again after resuming");
    }

    [Fact]
    public async Task AnalyticsConsentAlone_CountsThePageViews_ButAdaptsNothingUntilPersonalizationIsAllowed()
    {
        var visitor = new Visitor();
        var client = visitor.ClientFor(_site);
        (await Visitor.ConsentAsync(client, "analytics")).EnsureSuccessStatusCode();
        foreach (var url in BikePages)
        {
            await client.GetPageAsync(url);
        }

        await Eventually.Until(
            async () =>
            {
                using var response = await client.GetAsync("/umbraco/personalization/api/me/export");
                using var export = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                return export.RootElement.GetProperty("profiles").EnumerateArray().Select(p => p.GetProperty("pageViews").GetInt32()).FirstOrDefault();
            },
            pageViews => pageViews >= BikePages.Length,
            "the three bike page views counted in the stored profile");
        Assert.Equal("default", Visitor.HeroVariant(await client.GetPageAsync("/")));

        (await Visitor.ConsentAsync(client, "analytics,personalization")).EnsureSuccessStatusCode();
        await HeroAsync(client, "bikes", "the bikes hero once personalization is allowed");
    }

    [Fact]
    public async Task DownloadMyData_ReturnsTheVisitorsProfileAndPageViewsAsJson()
    {
        var client = await BikeFanAsync(new Visitor());
        var exportUrl = (await client.GetPageAsync(PrivacyPage)).QuerySelector("[data-your-data] a[data-export]")?.GetAttribute("href");
        Assert.NotNull(exportUrl);

        var json = await Eventually.Until(
            async () =>
            {
                using var response = await client.GetAsync(exportUrl);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
                Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
                return await response.Content.ReadAsStringAsync();
            },
            // The worker stores a batch's events before the profiles they update, so an export between the two
            // has the page views but not yet the profile.
            body => HasEventsAndProfile(body, BikePages.Length),
            "the three bike page views and the profile in the export");

        using var export = JsonDocument.Parse(json);
        var root = export.RootElement;
        var visitorId = Assert.Single(root.GetProperty("visitorIds").EnumerateArray()).GetString();
        var profile = Assert.Single(root.GetProperty("profiles").EnumerateArray());
        Assert.Equal(visitorId, profile.GetProperty("visitorId").GetString());
        Assert.Equal(1, ProfileDatabase.CountProfiles(Database, visitorId!));
        Assert.All(root.GetProperty("events").EnumerateArray(), e => Assert.Equal(visitorId, e.GetProperty("visitorId").GetString()));
        Assert.Contains(root.GetProperty("events").EnumerateArray(), e => e.GetProperty("url").GetString()!.Contains("/bikes/", StringComparison.Ordinal));
    }

    private static bool HasEventsAndProfile(string exportJson, int events)
    {
        using var export = JsonDocument.Parse(exportJson);
        var root = export.RootElement;
        return root.GetProperty("events").GetArrayLength() >= events && root.GetProperty("profiles").GetArrayLength() >= 1;
    }

    [Fact]
    public async Task EraseMyData_DeletesTheProfileRow_AndTheNextHomePageIsTheDefault()
    {
        var visitor = new Visitor();
        var client = await BikeFanAsync(visitor);
        await HeroAsync(client, "bikes", "the bikes hero after three bike pages");
        var visitorId = await StoredVisitorIdAsync(client);
        await Eventually.Until(() => Task.FromResult(ProfileDatabase.CountProfiles(Database, visitorId)), c => c == 1, "the stored profile");
        var eraseForm = (await client.GetPageAsync(PrivacyPage)).QuerySelector("[data-your-data] form[data-erase]");

        using var response = await visitor.ClientWithoutRedirectsFor(_site).SubmitAsync(eraseForm, "Erase my data");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(PrivacyPage, response.Headers.Location?.OriginalString);
        Assert.Null(visitor.Cookie(Visitor.VisitorCookie));
        Assert.Equal(0, ProfileDatabase.CountProfiles(Database, visitorId));
        Assert.Equal(0, ProfileDatabase.CountProfiles(Database));

        var home = await client.GetPageAsync("/");

        Assert.Equal("default", Visitor.HeroVariant(home));
        Assert.Equal(0, ProfileDatabase.CountProfiles(Database, visitorId));
    }

    /// <summary>A visitor who accepted everything through the banner and viewed the bikes category three times.</summary>
    private async Task<HttpClient> BikeFanAsync(Visitor visitor)
    {
        var client = visitor.ClientFor(_site);
        var first = await client.GetPageAsync("/");
        (await client.SubmitAsync(first.QuerySelector(".up-consent form.up-consent__quick"), "Accept all")).EnsureSuccessStatusCode();
        Assert.NotNull(visitor.Cookie(Visitor.VisitorCookie));
        foreach (var url in BikePages)
        {
            await client.GetPageAsync(url);
        }

        return client;
    }

    private static Task<IDocument> HeroAsync(HttpClient client, string variant, string what) =>
        Eventually.Until(() => client.GetPageAsync("/"), page => Visitor.HeroVariant(page) == variant, what);

    private static async Task<string> StoredVisitorIdAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/umbraco/personalization/api/me/export");
        response.EnsureSuccessStatusCode();
        using var export = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return export.RootElement.GetProperty("visitorIds")[0].GetString()!;
    }

    private static List<string> Interests(IDocument page) =>
        page.QuerySelectorAll(".up-preferences__interests li span").Select(s => Html.Normalize(s.TextContent)).ToList();

    public void Dispose()
    {
        _site.Dispose();
        _data.Dispose();
    }
}
