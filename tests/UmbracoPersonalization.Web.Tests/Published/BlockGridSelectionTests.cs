using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Models.Blocks;
using Umbraco.Cms.Core.Models.PublishedContent;
using UmbracoPersonalization.Web.Blocks;
using Microsoft.AspNetCore.Builder;

namespace UmbracoPersonalization.Web.Tests.Published;

/// <summary>Block Grid: groups are resolved at the top level and inside areas, without changing the published model.</summary>
public sealed class BlockGridSelectionTests
{
    private static readonly PublishedContentType TextType = PublishedTypes.Instance.Create("textBlock", true, ("text", ContentVariation.Nothing));
    private static readonly PublishedContentType SettingsType = PublishedTypes.Instance.Create(
        "personalizationSettings", true, ("upGroup", ContentVariation.Nothing), ("upSegment", ContentVariation.Nothing), ("upFallback", ContentVariation.Nothing));

    [Fact]
    public async Task Select_GridWithAreas_KeepsTheDecidedBlockPerGroupInEveryArea()
    {
        var inner = new BlockGridArea(
            [Item("area spring", ("upGroup", "promo"), ("upSegment", "campaign-spring")), Item("area default", ("upGroup", "promo"), ("upFallback", true))],
            "main",
            1,
            12);
        var section = Item("section");
        section.Areas = [inner];
        var grid = new BlockGridModel([section, Item("top spring", ("upGroup", "hero"), ("upSegment", "campaign-spring")), Item("top default", ("upGroup", "hero"), ("upFallback", true))], 12);
        // Both ways in: the model (helpers) and the items with their choices (the view component).
        await using var site = await GridSiteAsync((selector, request) =>
        {
            IEnumerable<BlockGridItem> filtered = request.Query.ContainsKey("items") ? selector.Select(grid, out _) : selector.Select(grid);
            return string.Join(' ', filtered.Select(i =>
                Text(i) + (i.Areas.Any() ? "[" + string.Join(',', i.Areas.SelectMany(a => a).Select(Text)) + "]" : string.Empty)));
        });
        var client = site.CreateClient();

        var spring = await client.GetStringAsync("/grid?utm_campaign=spring");
        var plain = await client.GetStringAsync("/grid");
        var springItems = await client.GetStringAsync("/grid?utm_campaign=spring&items=1");
        var plainItems = await client.GetStringAsync("/grid?items=1");

        Assert.Equal("section[area spring] top spring", spring);
        Assert.Equal("section[area default] top default", plain);
        Assert.Equal(spring, springItems);
        Assert.Equal(plain, plainItems);
        Assert.Equal(2, grid.Single(i => Text(i) == "section").Areas.Single().Count); // the published model is unchanged
    }

    [Fact]
    public async Task Select_BlockWhoseSettingsThrow_ShowsTheFallbackInstead()
    {
        var grid = new BlockGridModel([Item("broken", ("upGroup", "hero"), ("upSegment", new ThrowingValues())), Item("default", ("upGroup", "hero"), ("upFallback", true))], 12);
        await using var site = await GridSiteAsync((selector, _) => string.Join(' ', selector.Select(grid).Select(Text)));

        var body = await site.CreateClient().GetStringAsync("/grid?utm_campaign=spring");

        Assert.Equal("default", body);
    }

    [Fact]
    public async Task Select_BlockWhoseGroupCannotBeRead_IsLeftOut_AndThePageRenders()
    {
        Func<object?> failing = () => throw new InvalidOperationException("converter failed");
        var grid = new BlockGridModel([Item("intro"), Item("unreadable", ("upGroup", failing)), Item("default", ("upGroup", "hero"), ("upFallback", true))], 12);
        await using var site = await GridSiteAsync((selector, _) => string.Join(' ', selector.Select(grid).Select(Text)));

        var body = await site.CreateClient().GetStringAsync("/grid");

        Assert.Equal("intro default", body);
    }

    /// <summary>A test site answering <c>/grid</c> with what <paramref name="render"/> writes from the request's selector.</summary>
    private static Task<TestSite.TestSite> GridSiteAsync(Func<BlockVariantSelector, HttpRequest, string> render) =>
        TestSite.TestSite.StartAsync(pipeline: app => app.Use(async (HttpContext context, RequestDelegate next) =>
        {
            if (context.Request.Path == "/grid")
            {
                await context.Response.WriteAsync(render(context.RequestServices.GetRequiredService<BlockVariantSelector>(), context.Request));
                return;
            }

            await next(context);
        }));

    /// <summary>Stands in for a property value converter that fails when its value is read.</summary>
    private sealed class ThrowingValues : IEnumerable<string>
    {
        public IEnumerator<string> GetEnumerator() => throw new InvalidOperationException("converter failed");

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static string Text(BlockGridItem item) => (string)item.Content.GetProperty("text")!.GetValue()!;

    private static BlockGridItem Item(string text, params (string Alias, object? Value)[] settings)
    {
        var content = new TestElement(TextType, new Dictionary<string, object?> { ["text"] = text });
        var settingsElement = settings.Length == 0 ? null : new TestElement(SettingsType, settings.ToDictionary(s => s.Alias, s => s.Value));
        return new BlockGridItem(content.Key, content, settingsElement?.Key, settingsElement);
    }
}
