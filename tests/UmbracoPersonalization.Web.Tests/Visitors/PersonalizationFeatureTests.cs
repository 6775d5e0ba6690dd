using Microsoft.AspNetCore.Http;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Tests.Visitors;

/// <summary>Describing the page keeps the visitor context (and what is cached on it) unless the description changes it.</summary>
public class PersonalizationFeatureTests
{
    private static PersonalizationFeature Feature() => new(
        new DefaultHttpContext(),
        new ConsentState(ConsentPurposes.All),
        new RequestContext { Path = "/bikes" },
        VisitorProfile.CreateNew("v1"),
        visitorId: "v1",
        isBot: false,
        previewSegment: null);

    [Fact]
    public void DescribingThePageAsItAlreadyIs_KeepsTheContext()
    {
        var feature = Feature();
        feature.DescribePage(["bikes", " Trail "], ["spring"]);
        var context = feature.VisitorContext;

        feature.DescribePage(["bikes", "Trail", "Bikes"], ["spring"]); // the same once cleaned (trimmed, distinct)

        Assert.Same(context, feature.VisitorContext);
        Assert.Equal(["bikes", "Trail"], feature.VisitorContext.Request.Categories);
    }

    [Fact]
    public void DescribingThePageDifferently_RebuildsTheContextWithTheNewDescription()
    {
        var feature = Feature();
        var context = feature.VisitorContext;

        feature.DescribePage(["running"], []);

        Assert.NotSame(context, feature.VisitorContext);
        Assert.Equal(["running"], feature.VisitorContext.Request.Categories);
        Assert.Empty(context.Request.Categories);
    }
}
