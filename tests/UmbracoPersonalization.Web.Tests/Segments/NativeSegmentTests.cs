using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Configuration.Models;
using Umbraco.Cms.Core.Services;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Web.Definitions;
using UmbracoPersonalization.Web.Segments;

namespace UmbracoPersonalization.Web.Tests.Segments;

/// <summary>Umbraco's native segments through a site composed with Umbraco's builder.</summary>
public sealed class NativeSegmentTests
{
    [Fact]
    public async Task SegmentService_ComposedSite_ListsOurSegmentsAndReplacesNoop()
    {
        await using var site = await TestSite.TestSite.StartAsync();

        var service = site.GetRequiredService<ISegmentService>();
        var page = await service.GetPagedSegmentsAsync(0, 10);

        Assert.IsType<PersonalizationSegmentService>(service);
        Assert.True(page.Success);
        Assert.Equal(2, page.Result!.Total);
        Assert.Equal(
            ["campaign-spring", "identified-visitors"],
            page.Result.Items.Select(s => s.Alias).Order(StringComparer.Ordinal));
        Assert.Contains(page.Result.Items, s => s.Name == "Spring campaign");
        Assert.True(site.GetRequiredService<IOptions<SegmentSettings>>().Value.Enabled);
    }

    [Fact]
    public async Task SegmentService_Paging_SkipsAndTakes()
    {
        await using var site = await TestSite.TestSite.StartAsync();

#pragma warning disable CS0618 // Umbraco marks it temporary; the backoffice calls it today
        var page = await site.GetRequiredService<ISegmentService>().GetPagedSegmentsForDocumentAsync(Guid.NewGuid(), 1, 10);
#pragma warning restore CS0618

        Assert.Equal(2, page.Result!.Total);
        Assert.Single(page.Result.Items);
    }

    [Fact]
    public async Task SegmentSettings_WhenNativeSegmentsDisabled_AreLeftToTheSite()
    {
        await using var site = await TestSite.TestSite.StartAsync(new Dictionary<string, string?>
        {
            ["Umbraco:Personalization:Segments:Enabled"] = "false",
        });

        Assert.False(site.GetRequiredService<IOptions<SegmentSettings>>().Value.Enabled);
        var response = await site.CreateClient().GetStringAsync("/segment?utm_campaign=spring");
        Assert.Equal("segment=;header=", response);
    }

    [Fact]
    public async Task Request_VisitorInSegment_GetsItOnTheVariationContextAfterRouting()
    {
        await using var site = await TestSite.TestSite.StartAsync(environment: "Production");

        var response = await site.CreateClient().GetStringAsync("/segment?utm_campaign=spring");

        Assert.Equal("segment=campaign-spring;header=", response);
    }

    [Fact]
    public async Task PageDescribedByTheAction_ChoosesTheSegmentAgain_BeforeTheViewRenders()
    {
        await using var site = await TestSite.TestSite.StartAsync(environment: "Production");
        await site.GetRequiredService<IDefinitionStore>().SaveSegmentAsync(
            new SegmentDefinition("reading-about-bikes", "Reading about bikes", """{"page.categories":{"$elemMatch":{"$eq":"bikes"}}}"""));
        await site.GetRequiredService<IDefinitionRefresher>().RefreshAsync();
        var client = site.CreateClient();

        // The segment filter chose before the action described the page; the view must see the page's segment.
        var bikes = await client.GetStringAsync("/segment/described?category=bikes");
        var running = await client.GetStringAsync("/segment/described?category=running");

        Assert.Equal("segment=reading-about-bikes", bikes);
        Assert.Equal("segment=", running);
    }

    [Fact]
    public async Task Request_ForgedSegmentHeaderInProduction_IsIgnored()
    {
        await using var site = await TestSite.TestSite.StartAsync(environment: "Production");
        var client = site.CreateClient();

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/segment");
        forged.Headers.Add("X-UMB-SEGMENT", "campaign-spring");
        var body = await (await client.SendAsync(forged)).Content.ReadAsStringAsync();

        Assert.Equal("segment=;header=", body); // header removed before Umbraco reads it; default segment applied
    }

    [Fact]
    public async Task Request_ForgedSegmentHeaderInProduction_CannotReplaceTheVisitorsSegment()
    {
        await using var site = await TestSite.TestSite.StartAsync(environment: "Production");

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/segment?utm_campaign=spring");
        forged.Headers.Add("X-UMB-SEGMENT", "vip");
        var body = await (await site.CreateClient().SendAsync(forged)).Content.ReadAsStringAsync();

        Assert.Equal("segment=campaign-spring;header=", body);
    }

    [Fact]
    public async Task Request_SegmentHeaderInDevelopment_IsKeptForPreview()
    {
        await using var site = await TestSite.TestSite.StartAsync(environment: "Development");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/segment");
        request.Headers.Add("X-UMB-SEGMENT", "campaign-spring");
        var body = await (await site.CreateClient().SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Equal("segment=campaign-spring;header=campaign-spring", body);
    }

    [Fact]
    public async Task PlainMiddleware_AfterRouting_AppliesTheSegmentWithoutMvc()
    {
        await using var site = await TestSite.TestSite.StartAsync(
            environment: "Production",
            pipeline: app =>
            {
                app.UsePersonalizationSegment();
                app.Use(async (context, next) =>
                {
                    if (context.Request.Path == "/raw-segment")
                    {
                        var accessor = context.RequestServices.GetService(typeof(Umbraco.Cms.Core.Models.PublishedContent.IVariationContextAccessor))
                            as Umbraco.Cms.Core.Models.PublishedContent.IVariationContextAccessor;
                        await context.Response.WriteAsync("segment=" + accessor!.VariationContext?.Segment);
                        return;
                    }

                    await next(context);
                });
            });

        var body = await site.CreateClient().GetStringAsync("/raw-segment?utm_campaign=spring");

        Assert.Equal("segment=campaign-spring", body);
    }
}

/// <summary>The back office keeps Umbraco's own segment handling.</summary>
public sealed class BackOfficeSegmentTests
{
    [Fact]
    public async Task BackOfficeRequest_SegmentHeaderAndVariationContext_AreLeftAlone()
    {
        await using var site = await TestSite.TestSite.StartAsync(
            environment: "Production",
            pipeline: app => app.Use(async (HttpContext context, RequestDelegate next) =>
            {
                if (context.Request.Path == "/umbraco/management/api/v1/probe")
                {
                    var accessor = context.RequestServices.GetRequiredService<Umbraco.Cms.Core.Models.PublishedContent.IVariationContextAccessor>();
                    context.RequestServices.GetRequiredService<VisitorSegmentApplier>().Apply(context);
                    await context.Response.WriteAsync($"segment={accessor.VariationContext?.Segment};header={context.Request.Headers["X-UMB-SEGMENT"]}");
                    return;
                }

                await next(context);
            }));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/umbraco/management/api/v1/probe");
        request.Headers.Add("X-UMB-SEGMENT", "vip");
        var body = await (await site.CreateClient().SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Equal("segment=vip;header=vip", body);
    }
}
