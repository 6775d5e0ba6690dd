using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Tests.Support;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Tests.Segments;

public class SegmentEvaluatorTests
{
    [Fact]
    public void GetSegments_ReturnsMatchedAliasesInOrder()
    {
        var (_, _, segments) = TestDefinitions.Personalizer();
        Assert.Equal(["returning-visitors", "from-newsletter"], segments.GetSegments(TestDefinitions.Context(visits: 2, utmSource: "newsletter")));
    }

    [Fact]
    public void GetSegments_WithPreview_ReturnsOnlyPreviewedSegment()
    {
        var (_, _, segments) = TestDefinitions.Personalizer();
        Assert.Equal(["bike-fans"], segments.GetSegments(TestDefinitions.Context(visits: 2, preview: "BIKE-FANS")));
    }

    [Fact]
    public void Evaluate_OverAttributes_AddsMatches()
    {
        var snapshot = DefinitionSnapshot.Compile(TestDefinitions.Set());
        var attributes = VisitorAttributes.Create(TestDefinitions.Context(visits: 4), new ProfileOptions());
        var into = new List<string>();

        SegmentEvaluator.Evaluate(snapshot.Segments, attributes, into);

        Assert.Equal(["returning-visitors"], into);
    }

    [Fact]
    public void GetState_SameSnapshot_IsCachedPerRequest()
    {
        var (_, holder, segments) = TestDefinitions.Personalizer();
        var context = TestDefinitions.Context();

        var state = segments.GetState(context, holder.Current);

        Assert.Same(state, segments.GetState(context, holder.Current));
        holder.Update(TestDefinitions.Set() with { Version = 2 });
        Assert.NotSame(state, segments.GetState(context, holder.Current));
    }
}
