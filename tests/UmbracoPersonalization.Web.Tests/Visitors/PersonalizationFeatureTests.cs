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

    [Fact]
    public void TheDescription_IsTrimmedNonEmptyBoundedValues_FirstOfEachIgnoringCase()
    {
        var tooLong = new string('x', 101);
        var longest = new string('y', 100);

        var clean = PersonalizationFeature.Clean([" Bikes ", "", "  ", "bikes", tooLong, "BIKES", "trail", longest, "Trail"]);

        Assert.Equal(["Bikes", "trail", longest], clean);
        Assert.Empty(PersonalizationFeature.Clean([]));
        Assert.Empty(PersonalizationFeature.Clean([" ", tooLong]));
    }

    [Fact]
    public void TheDescription_KeepsAtMostFiftyValues_InTheirOrder()
    {
        var many = Enumerable.Range(0, 80).Select(i => $"tag-{i}");

        var clean = PersonalizationFeature.Clean(many);

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"tag-{i}"), clean);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"tag-{i}"), PersonalizationFeature.Clean(many.ToList()));
    }
}
