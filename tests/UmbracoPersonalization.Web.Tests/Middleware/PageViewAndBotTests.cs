using System.Net;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Web.Tests.TestSite;
using static UmbracoPersonalization.Web.Tests.TestSite.HttpAssertions;

namespace UmbracoPersonalization.Web.Tests.Middleware;

public sealed class PageViewAndBotTests(DefaultSiteFixture fixture) : IClassFixture<DefaultSiteFixture>
{
    private RecordingEventQueue Queue => fixture.Site.GetRequiredService<RecordingEventQueue>();

    private async Task<string> ConsentedVisitorAsync(CookieClient client)
    {
        await client.PostConsentAsync(Form(("purposes", "analytics")));
        return (await (await client.GetAsync("/probe")).ReadProbeAsync())!.VisitorId;
    }

    private List<VisitorEvent> EventsOf(string visitorId) => Queue.Events.Where(e => e.VisitorId == visitorId).ToList();

    [Fact]
    public async Task HtmlPage_WithConsent_QueuesOnePageViewWithoutTheQueryString()
    {
        using var client = fixture.Site.CreateCookieClient();
        var visitor = await ConsentedVisitorAsync(client);

        await client.GetAsync("/?utm_campaign=spring&email=someone%40example.com");

        var view = Assert.Single(EventsOf(visitor));
        Assert.Equal(VisitorEventType.PageView, view.Type);
        Assert.Equal("/?utm_campaign=spring", view.Url);
        Assert.Equal("spring", view.Utm!.Campaign);
    }

    [Theory]
    [InlineData("/data.json")]
    [InlineData("/site.css")]
    [InlineData("/probe")]
    [InlineData("/missing-page")]
    public async Task NonHtmlOrFailedRequests_AreNotCounted(string path)
    {
        using var client = fixture.Site.CreateCookieClient();
        var visitor = await ConsentedVisitorAsync(client);

        await client.GetAsync(path);

        Assert.Empty(EventsOf(visitor));
    }

    [Fact]
    public async Task StaticFile_GetsNoVisitorContext()
    {
        using var client = fixture.Site.CreateCookieClient();
        await ConsentedVisitorAsync(client);

        var response = await client.GetAsync("/site.css");

        Assert.Equal("null", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HtmlPage_WithoutConsent_QueuesNothing()
    {
        using var client = fixture.Site.CreateCookieClient();
        var before = Queue.Events.Count;
        await client.GetAsync("/");
        Assert.Equal(before, Queue.Events.Count);
        Assert.Null(client.GetCookie("up_vid"));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2)")]
    [InlineData("curl/8.5.0")]
    [InlineData("")]
    public async Task Bot_WithConsentCookie_IsNeverIdentifiedOrCounted(string userAgent)
    {
        using var client = fixture.Site.CreateCookieClient();
        await client.PostConsentAsync(Form(("purposes", "all")));
        client.Http.DefaultRequestHeaders.UserAgent.Clear();
        if (userAgent.Length > 0)
        {
            client.Http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        }

        var before = Queue.Events.Count;
        var page = await client.GetAsync("/");
        var probe = await (await client.GetAsync("/probe")).ReadProbeAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Bot", probe!.Device);
        Assert.False(probe.Identified);
        Assert.Empty(page.SetCookies());
        Assert.Equal(before, Queue.Events.Count); // tests of one class run one at a time on their shared site
    }

    [Fact]
    public async Task Request_ReadsDeviceLanguageAndCampaign()
    {
        using var client = fixture.Site.CreateCookieClient();
        client.Http.DefaultRequestHeaders.UserAgent.Clear();
        client.Http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148");

        var probe = await (await client.GetAsync("/probe?utm_campaign=spring", r => r.Headers.Add("Accept-Language", "de;q=0.5, nl-NL, en;q=0.8"))).ReadProbeAsync();

        Assert.Equal("Mobile", probe!.Device);
        Assert.Equal("nl-NL", probe.Language);
        Assert.Equal("spring", probe.Campaign);
    }
}
