using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Web.Definitions;
using UmbracoPersonalization.Web.Tests.TestSite;

namespace UmbracoPersonalization.Web.Tests.Rendering;

public sealed class FailingTemplateTests
{
    [Theory]
    [InlineData(null, "default", "Welcome")]            // no fallback text: the placement's default variant
    [InlineData("Hello there", "loop", "Hello there")]  // the variant's own fallback text
    public async Task ADecidedTemplateThatFails_ShowsItsFallbackText_OrElseTheDefaultVariant(string? fallback, string variant, string text)
    {
        await using var site = await TestSite.TestSite.StartAsync();
        await site.GetRequiredService<IDefinitionStore>().SaveExperienceAsync(new ExperienceDefinition(
            "home-hero",
            "Home hero",
            [
                new VariantDefinition("default", "Default", VariantKind.Text, "Welcome"),
                new VariantDefinition("loop", "Loop", VariantKind.Text, "{% for i in (1..100000) %}x{% endfor %}", IsTemplate: true,
                    Properties: fallback is null ? null : new Dictionary<string, string> { ["fallback"] = fallback }),
            ],
            [new ExperienceRule("loop", SegmentAlias: "campaign-spring")],
            "default"));
        await site.GetRequiredService<IDefinitionRefresher>().RefreshAsync();

        var page = await (await site.CreateClient().GetAsync("/?utm_campaign=spring")).ReadHtmlAsync();

        var hero = page.QuerySelector("#hero [data-up-placement]");
        Assert.Equal(variant, hero?.GetAttribute("data-up-variant"));
        Assert.Equal(text, hero?.QuerySelector("p")?.TextContent);
    }
}
