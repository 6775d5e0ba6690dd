using AngleSharp.Dom;
using UmbracoPersonalization.Web.Tests.TestSite;

namespace UmbracoPersonalization.Web.Tests.Rendering;

/// <summary>View components and the tag helper, rendered through the real pipeline on a Development site.</summary>
public sealed class PlacementRenderingTests(DefaultSiteFixture fixture) : IClassFixture<DefaultSiteFixture>
{
    private async Task<AngleSharp.Html.Dom.IHtmlDocument> GetHomeAsync(string path = "/")
    {
        using var client = fixture.Site.CreateCookieClient();
        return await (await client.GetAsync(path)).ReadHtmlAsync();
    }

    private static IElement Placement(IParentNode document, string section) =>
        document.QuerySelector($"#{section} [data-up-placement]") ?? throw new Xunit.Sdk.XunitException($"no placement in #{section}");

    [Fact]
    public async Task Hero_ForAnyVisitor_RendersTheDefaultVariant()
    {
        var html = await GetHomeAsync();

        var hero = Placement(html, "hero");
        Assert.Equal("home-hero", hero.GetAttribute("data-up-placement"));
        Assert.Equal("default", hero.GetAttribute("data-up-variant"));
        Assert.Equal("Welcome", hero.QuerySelector(".hero-title")!.TextContent);
    }

    [Fact]
    public async Task Hero_ForTheSpringSegment_RendersTheSanitizedSpringVariant()
    {
        var html = await GetHomeAsync("/?utm_campaign=spring");

        var hero = Placement(html, "hero");
        Assert.Equal("spring", hero.GetAttribute("data-up-variant"));
        Assert.Equal("Spring sale", hero.QuerySelector(".hero-title")!.TextContent);
        Assert.Empty(hero.QuerySelectorAll("form, input, script, iframe, style"));
        Assert.Null(hero.QuerySelector(".proto")!.GetAttribute("href")); // protocol-relative link dropped
        Assert.Equal("/spring", hero.QuerySelector(".local")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Hero_InDevelopment_CarriesTheDecisionReasonsAsAComment()
    {
        var html = await GetHomeAsync("/?utm_campaign=spring");

        var comment = Placement(html, "hero").ChildNodes.OfType<IComment>().Single();
        Assert.StartsWith(" up: ", comment.Data);
        Assert.Contains("campaign-spring", comment.Data);
    }

    [Fact]
    public async Task CallToAction_Default_RendersLabelAndLocalUrl()
    {
        var html = await GetHomeAsync();

        var cta = Placement(html, "cta");
        Assert.Equal("default", cta.GetAttribute("data-up-variant"));
        var link = cta.QuerySelector("a")!;
        Assert.Equal("/shop", link.GetAttribute("href"));
        Assert.Equal("Shop now", link.TextContent);
        Assert.Equal("Browse our bikes", cta.QuerySelector("p")!.TextContent);
    }

    [Fact]
    public async Task CallToAction_SpringVariant_EscapesTextAndDropsAScriptUrl()
    {
        var html = await GetHomeAsync("/?utm_campaign=spring");

        var cta = Placement(html, "cta");
        Assert.Equal("spring", cta.GetAttribute("data-up-variant"));
        Assert.Equal("Spring deals <b>inside</b>", cta.QuerySelector("p")!.TextContent); // shown as text, not markup
        Assert.Null(cta.QuerySelector("a"));
    }

    [Fact]
    public async Task CallToAction_LiquidGreeting_IsRendered()
    {
        var html = await GetHomeAsync("/liquid-cta");

        var cta = Placement(html, "cta");
        Assert.Equal("liquid", cta.GetAttribute("data-up-variant"));
        Assert.Matches("^[A-Za-z ]+, you have visited 1 time<script>$", cta.QuerySelector("p")!.TextContent); // values and text escaped
        Assert.Null(html.QuerySelector("script"));
    }

    [Fact]
    public async Task UnknownPlacement_RendersNothingVisible()
    {
        var html = await GetHomeAsync();
        Assert.Empty(html.QuerySelector("#unknown")!.Children);
    }

    [Fact]
    public async Task TagHelper_ShowsSegmentContentOnlyToTheSegment()
    {
        var everyone = await GetHomeAsync();
        var spring = await GetHomeAsync("/?utm_campaign=spring");

        Assert.Null(everyone.QuerySelector("#spring-only"));
        Assert.NotNull(everyone.QuerySelector("#not-spring"));
        Assert.NotNull(spring.QuerySelector("#spring-only"));
        Assert.Null(spring.QuerySelector("#not-spring"));
        Assert.Empty(spring.QuerySelectorAll("personalize")); // the element itself is never rendered
    }

    [Fact]
    public async Task TagHelper_InlineCondition_IsRefused()
    {
        var html = await GetHomeAsync("/?utm_campaign=spring");
        Assert.Null(html.QuerySelector("#inline-condition"));
    }

    [Fact]
    public async Task Preview_InDevelopment_ForcesTheSegment()
    {
        var html = await GetHomeAsync("/?up-preview=campaign-spring");

        Assert.Equal("spring", Placement(html, "hero").GetAttribute("data-up-variant"));
        Assert.NotNull(html.QuerySelector("#spring-only"));
    }
}
