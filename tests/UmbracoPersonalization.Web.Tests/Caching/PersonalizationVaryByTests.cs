using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Web.Caching;
using UmbracoPersonalization.Web.Definitions;
using static UmbracoPersonalization.Web.Tests.TestSite.HttpAssertions;

namespace UmbracoPersonalization.Web.Tests.Caching;

public sealed class PersonalizationVaryByTests
{
    private static Task<TestSite.TestSite> SiteAsync() => TestSite.TestSite.StartAsync(
        environment: "Production",
        pipeline: app => app.Use(async (HttpContext context, RequestDelegate next) =>
        {
            if (context.Request.Path == "/key")
            {
                var varyBy = context.RequestServices.GetRequiredService<PersonalizationVaryBy>();
                await context.Response.WriteAsync(varyBy.GetKey(context) + (varyBy.CanStore(context) ? string.Empty : " (not stored)"));
                return;
            }

            await next(context);
        }));

    [Fact]
    public async Task GetKey_DiffersBySegmentAndDecidedVariants_SameForSameAudience()
    {
        await using var site = await SiteAsync();
        var client = site.CreateClient();

        var plain = await client.GetStringAsync("/key");
        var spring = await client.GetStringAsync("/key?utm_campaign=spring");
        var springAgain = await client.GetStringAsync("/key?utm_campaign=spring&x=1");

        Assert.Equal("s=;c=u", plain);
        Assert.Equal("s=campaign-spring;c=u;home-cta=spring;home-hero=spring", spring);
        Assert.Equal(spring, springAgain);
    }

    [Fact]
    public async Task GetKey_NamesTheConsentChoice_AndEverySegmentTheVisitorIsIn()
    {
        await using var site = await SiteAsync();
        using var consented = site.CreateCookieClient();
        await consented.PostConsentAsync(Form(("purposes", "all")));

        var undecided = await site.CreateClient().GetStringAsync("/key?utm_campaign=spring");
        var both = await (await consented.GetAsync("/key?utm_campaign=spring")).Content.ReadAsStringAsync();

        // The banner is shown to the first and not to the second; content gated on "identified-visitors" differs too.
        Assert.Equal("s=campaign-spring;c=u;home-cta=spring;home-hero=spring", undecided);
        Assert.Matches(@"^s=campaign-spring;m=campaign-spring,identified-visitors;c=\d+;home-cta=spring;home-hero=spring$", both);
    }

    [Fact]
    public async Task OutputCache_UnderThePolicy_ServesAVisitorWhoHasNotChosenThePageWithTheBanner()
    {
        await using var site = await TestSite.TestSite.StartAsync(
            services: s => s.AddOutputCache(o => o.AddBasePolicy(b => b.AddPolicy<PersonalizationOutputCachePolicy>())),
            pipeline: app => app.UseOutputCache());
        using var chose = site.CreateCookieClient();
        await chose.PostConsentAsync(Form(("purposes", "necessary"))); // decided, and in no segment either

        var forChooser = await chose.GetAsync("/preferences");
        var forNewcomer = await site.CreateClient().GetAsync("/preferences");
        var forNextNewcomer = await site.CreateClient().GetAsync("/preferences");

        Assert.Null((await forChooser.ReadHtmlAsync()).QuerySelector("section.up-consent"));
        Assert.NotNull((await forNewcomer.ReadHtmlAsync()).QuerySelector("section.up-consent"));
        Assert.Null(forNewcomer.Headers.Age); // rendered for them, not the chooser's page from the cache
        Assert.NotNull(forNextNewcomer.Headers.Age); // the cache is on: the next newcomer gets the stored page
        Assert.NotNull((await forNextNewcomer.ReadHtmlAsync()).QuerySelector("section.up-consent"));
    }

    [Fact]
    public async Task APageWithATemplateVariant_IsNeverStored()
    {
        await using var site = await SiteAsync();
        await site.GetRequiredService<IDefinitionStore>().SaveExperienceAsync(new ExperienceDefinition(
            "home-cta",
            "Home CTA",
            [new VariantDefinition("hello", "Hello", VariantKind.Text, "Hello {{ visitor.visits }}", IsTemplate: true)],
            [],
            "hello"));
        await site.GetRequiredService<IDefinitionRefresher>().RefreshAsync();

        Assert.Equal("s=;c=u (not stored)", await site.CreateClient().GetStringAsync("/key"));
    }
}
