using UmbracoPersonalization.Web.Tests.TestSite;
using static UmbracoPersonalization.Web.Tests.TestSite.HttpAssertions;

namespace UmbracoPersonalization.Web.Tests.Published;

/// <summary>
/// A published tree built with Umbraco's types, rendered for visitors in different segments: the document's segment
/// variant (with fallback to the default segment for empty values) and the decided block of each group.
/// </summary>
public sealed class PublishedTreeRenderingTests : IClassFixture<DefaultSiteFixture>
{
    private readonly TestSite.TestSite _site;

    public PublishedTreeRenderingTests(DefaultSiteFixture fixture) => _site = fixture.Site;

    [Fact]
    public async Task Visitor_InNoSegment_SeesDefaultVariantAndFallbackBlocks()
    {
        var html = await (await _site.CreateClient().GetAsync("/tree")).ReadHtmlAsync();

        Assert.Equal("Welcome", html.QuerySelector("#title")!.TextContent);
        Assert.Equal("Our shop.", html.QuerySelector("#intro")!.TextContent);
        Assert.Equal(
            ["Hello everyone", "Default hero", "Experiment default"],
            html.QuerySelectorAll("#blocks .block").Select(b => b.TextContent));
    }

    [Fact]
    public async Task Visitor_InSpringSegment_SeesSegmentVariantWithFallbackForEmptyValues_AndItsBlock()
    {
        var html = await (await _site.CreateClient().GetAsync("/tree?utm_campaign=spring")).ReadHtmlAsync();

        Assert.Equal("Spring sale", html.QuerySelector("#title")!.TextContent);
        Assert.Equal("Our shop.", html.QuerySelector("#intro")!.TextContent); // empty segment value: default segment's
        Assert.Equal(
            ["Hello everyone", "Spring offer", "Experiment arm b"],
            html.QuerySelectorAll("#blocks .block").Select(b => b.TextContent));
        Assert.Equal(
            ["Hello everyone", "Spring offer", "Experiment arm b"],
            html.QuerySelectorAll("#helper span").Select(b => b.TextContent));
    }

    [Fact]
    public async Task Visitor_IdentifiedWithConsent_SeesMemberBlock_AndExposuresAreRecorded()
    {
        using var client = _site.CreateCookieClient();
        await client.PostConsentAsync(Form(("purposes", "all")));

        var html = await (await client.GetAsync("/tree")).ReadHtmlAsync();

        Assert.Contains("Member offer", html.QuerySelectorAll("#blocks .block").Select(b => b.TextContent));
        var visitorId = _site.GetRequiredService<RecordingEventQueue>().Events
            .Last(e => e.Type == Core.Events.VisitorEventType.PageView).VisitorId;
        var exposures = _site.GetRequiredService<RecordingEventQueue>().Events
            .Where(e => e.Type == Core.Events.VisitorEventType.Exposure && e.VisitorId == visitorId)
            .Select(e => e.Name)
            .ToList();
        Assert.Contains("block:hero", exposures);
        Assert.Contains("block:cta", exposures);
        Assert.DoesNotContain("block:banner", exposures); // nothing shown, nothing exposed
    }

    [Fact]
    public async Task Exposures_CarryTheRequestsReferrerAndCampaign_LikeThePageView()
    {
        // An exposure is queued while the page renders, before the page view: it may be the event that starts the visit.
        using var client = _site.CreateCookieClient();
        await client.PostConsentAsync(Form(("purposes", "all")));
        var before = _site.GetRequiredService<RecordingEventQueue>().Events.Count;

        await (await client.GetAsync("/tree?utm_source=news", r => r.Headers.Referrer = new Uri("https://www.example.org/search?q=bikes"))).ReadHtmlAsync();

        var exposures = _site.GetRequiredService<RecordingEventQueue>().Events.Skip(before).Where(e => e.Type == Core.Events.VisitorEventType.Exposure).ToList();
        Assert.NotEmpty(exposures);
        Assert.All(exposures, e => Assert.Equal(("https://www.example.org/search?q=bikes", "news"), (e.Referrer, e.Utm?.Source)));
    }

    [Fact]
    public async Task Visitor_WithoutConsent_NoExposureRecorded()
    {
        var before = _site.GetRequiredService<RecordingEventQueue>().Events.Count(e => e.Type == Core.Events.VisitorEventType.Exposure);

        await (await _site.CreateClient().GetAsync("/tree?utm_campaign=spring")).ReadHtmlAsync();

        Assert.Equal(before, _site.GetRequiredService<RecordingEventQueue>().Events.Count(e => e.Type == Core.Events.VisitorEventType.Exposure));
    }
}
