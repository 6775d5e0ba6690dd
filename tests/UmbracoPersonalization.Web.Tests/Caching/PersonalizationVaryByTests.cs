using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Web.Caching;

namespace UmbracoPersonalization.Web.Tests.Caching;

public sealed class PersonalizationVaryByTests
{
    [Fact]
    public async Task GetKey_DiffersBySegmentAndDecidedVariants_SameForSameAudience()
    {
        await using var site = await TestSite.TestSite.StartAsync(
            environment: "Production",
            pipeline: app => app.Use(async (HttpContext context, RequestDelegate next) =>
            {
                if (context.Request.Path == "/key")
                {
                    await context.Response.WriteAsync(context.RequestServices.GetRequiredService<PersonalizationVaryBy>().GetKey(context));
                    return;
                }

                await next(context);
            }));
        var client = site.CreateClient();

        var plain = await client.GetStringAsync("/key");
        var spring = await client.GetStringAsync("/key?utm_campaign=spring");
        var springAgain = await client.GetStringAsync("/key?utm_campaign=spring&x=1");

        Assert.Equal("s=", plain);
        Assert.Equal("s=campaign-spring;home-cta=spring;home-hero=spring", spring);
        Assert.Equal(spring, springAgain);
    }
}
