using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core.DeliveryApi;

namespace UmbracoPersonalization.Web.Tests.Headless;

/// <summary>The Delivery API's requested segment, through the composed site (a stand-in endpoint calls the service).</summary>
public sealed class RequestSegmentServiceTests
{
    [Theory]
    [InlineData("Production", null, "/api?utm_campaign=spring", "")]                        // no ask: default segment
    [InlineData("Production", "personalized", "/api?utm_campaign=spring", "campaign-spring")] // asks: the visitor's segment
    [InlineData("Production", "campaign-spring", "/api", "")]                                // a named segment is ignored in Production
    [InlineData("Development", "campaign-spring", "/api", "campaign-spring")]                // preview outside Production
    [InlineData("Production", "personalized", "/api", "")]                                   // asks, but in no segment
    public async Task GetRequestedSegment_ByEnvironmentAndHeader(string environment, string? acceptSegment, string path, string expected)
    {
        await using var site = await StartAsync(environment);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptSegment is not null)
        {
            request.Headers.Add("Accept-Segment", acceptSegment);
        }

        var body = await (await site.CreateClient().SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Equal("segment=" + expected, body);
    }

    [Fact]
    public async Task GetRequestedSegment_ConsentedVisitorCookie_CountsAsAsking()
    {
        await using var site = await StartAsync("Production");
        using var client = site.CreateCookieClient();
        await client.PostConsentAsync(TestSite.HttpAssertions.Form(("purposes", "all")));

        var body = await (await client.GetAsync("/api?utm_campaign=spring")).Content.ReadAsStringAsync();

        Assert.Equal("segment=campaign-spring", body);
    }

    private static Task<TestSite.TestSite> StartAsync(string environment) => TestSite.TestSite.StartAsync(
        environment: environment,
        pipeline: app => app.Use(async (HttpContext context, RequestDelegate next) =>
        {
            if (context.Request.Path == "/api")
            {
                var segment = context.RequestServices.GetRequiredService<IRequestSegmentService>().GetRequestedSegment();
                await context.Response.WriteAsync("segment=" + segment);
                return;
            }

            await next(context);
        }));
}
