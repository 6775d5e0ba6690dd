using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Web.Segments;

namespace UmbracoPersonalization.Web.Tests.Segments;

/// <summary>Personalisation Groups' group scores: order content by how many of its segments the visitor is in.</summary>
public sealed class SegmentScorerTests
{
    [Fact]
    public async Task OrderByScore_VisitorInSpringSegment_RanksSpringContentFirst()
    {
        await using var site = await TestSite.TestSite.StartAsync(pipeline: app => app.Use(async (HttpContext context, RequestDelegate next) =>
        {
            if (context.Request.Path == "/scored")
            {
                var scorer = context.RequestServices.GetRequiredService<SegmentScorer>();
                (string Name, string[] Segments)[] articles =
                [
                    ("general", []),
                    ("members", ["identified-visitors"]),
                    ("spring", ["campaign-spring", "unknown-segment"]),
                    ("spring-members", ["campaign-spring", "identified-visitors", "campaign-spring"]),
                ];
                var ordered = scorer.OrderByScore(articles, a => a.Segments).Select(a => $"{a.Name}:{scorer.Score(a.Segments)}");
                await context.Response.WriteAsync(string.Join(",", ordered));
                return;
            }

            await next(context);
        }));

        var anonymous = await site.CreateClient().GetStringAsync("/scored?utm_campaign=spring");
        var plain = await site.CreateClient().GetStringAsync("/scored");

        Assert.Equal("spring:1,spring-members:1,general:0,members:0", anonymous);
        Assert.Equal("general:0,members:0,spring:0,spring-members:0", plain);
    }
}
