using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Web.Tests.TestSite;

namespace UmbracoPersonalization.Web.Tests.Rendering;

public sealed class FailureAndProductionRenderingTests
{
    [Fact]
    public async Task FailingPersonalizer_RendersDefaultsAndTheDefaultTagHelperContent()
    {
        await using var site = await TestSite.TestSite.StartAsync(services: s => s.AddSingleton<IPersonalizer, ThrowingPersonalizer>());
        using var client = site.CreateCookieClient();

        var response = await client.GetAsync("/?utm_campaign=spring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.ReadHtmlAsync();
        Assert.Equal("default", html.QuerySelector("#hero [data-up-placement]")!.GetAttribute("data-up-variant"));
        Assert.Equal("Welcome", html.QuerySelector(".hero-title")!.TextContent);
        Assert.Equal("/shop", html.QuerySelector("#cta a")!.GetAttribute("href"));
        Assert.Null(html.QuerySelector("#spring-only"));
        Assert.NotNull(html.QuerySelector("#not-spring"));
    }

    [Fact]
    public async Task Production_HasNoReasonsCommentAndIgnoresPreview()
    {
        await using var site = await TestSite.TestSite.StartAsync(
            new Dictionary<string, string?> { ["Umbraco:Personalization:PreviewEnabled"] = "true" },
            environment: "Production");
        using var client = site.CreateCookieClient();

        var html = await (await client.GetAsync("/?up-preview=campaign-spring")).ReadHtmlAsync();

        var hero = html.QuerySelector("#hero [data-up-placement]")!;
        Assert.Equal("default", hero.GetAttribute("data-up-variant"));
        Assert.Empty(html.Descendants<IComment>());
    }
}
