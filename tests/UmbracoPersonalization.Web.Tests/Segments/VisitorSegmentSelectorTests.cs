using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Segments;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Tests.Segments;

public sealed class VisitorSegmentSelectorTests
{
    [Fact]
    public void Select_VisitorInSeveralSegments_HighestPriorityWinsWithReason()
    {
        var selector = Create(
            new SegmentDefinition("mobile", "Mobile", """{"device":"mobile"}""", Priority: 1),
            new SegmentDefinition("vip", "VIP", """{"utm.campaign":"vip"}""", Priority: 10),
            new SegmentDefinition("everyone", "Everyone", "{}"));

        var selection = selector.Select(Visitor(DeviceClass.Mobile, "vip"));

        Assert.Equal("vip", selection.Alias);
        Assert.Equal(["vip", "mobile", "everyone"], selection.Memberships);
        Assert.Equal("highest priority (10) of 3 segments: vip, mobile, everyone", selection.Reason);
    }

    [Fact]
    public void Select_VisitorInOneSegment_ThatSegmentWithItsReason()
    {
        var selector = Create(
            new SegmentDefinition("mobile", "Mobile", """{"device":"mobile"}""", Priority: 1),
            new SegmentDefinition("vip", "VIP", """{"utm.campaign":"vip"}""", Priority: 10));

        var selection = selector.Select(Visitor(DeviceClass.Mobile, null));

        Assert.Equal("mobile", selection.Alias);
        Assert.Equal(["mobile"], selection.Memberships);
        Assert.Equal("only segment: mobile", selection.Reason);
    }

    [Fact]
    public void Select_VisitorsInOnlyTheSameSegment_ShareOneSelection()
    {
        var selector = Create(
            new SegmentDefinition("mobile", "Mobile", """{"device":"mobile"}"""),
            new SegmentDefinition("vip", "VIP", """{"utm.campaign":"vip"}"""));

        var first = selector.Select(Visitor(DeviceClass.Mobile, null));
        var second = selector.Select(Visitor(DeviceClass.Mobile, null));
        var vip = selector.Select(Visitor(DeviceClass.Desktop, "vip"));

        Assert.Same(first, second);
        Assert.Equal("vip", vip.Alias);
        Assert.Equal(["vip"], vip.Memberships);
        Assert.Equal("only segment: vip", vip.Reason);
    }

    [Fact]
    public void Select_APreview_SaysSo_EvenForTheOnlySegment()
    {
        var selector = Create(new SegmentDefinition("mobile", "Mobile", """{"device":"mobile"}"""));
        var shared = selector.Select(Visitor(DeviceClass.Mobile, null));

        var previewContext = Visitor(DeviceClass.Mobile, null);
        var preview = selector.Select(new VisitorContext(previewContext.Profile, previewContext.Request, previewContext.Consent) { PreviewSegment = "mobile" });

        Assert.Equal("mobile", preview.Alias);
        Assert.Equal("preview of segment mobile", preview.Reason);
        Assert.Equal("only segment: mobile", shared.Reason);
    }

    [Fact]
    public void Select_ForAPersonalizedRequest_ChoosesOnceAndKeepsTheChoiceOnItsFeature()
    {
        var selector = Create(new SegmentDefinition("mobile", "Mobile", """{"device":"mobile"}"""));
        var http = new DefaultHttpContext();
        var feature = new PersonalizationFeature(
            http,
            ConsentState.Undecided,
            new RequestContext { Device = DeviceClass.Mobile, Timestamp = DateTimeOffset.UtcNow },
            VisitorProfile.CreateNew(string.Empty),
            visitorId: null,
            isBot: false,
            previewSegment: null);
        http.Features.Set(feature);

        var first = selector.Select(http);
        var second = selector.Select(http);

        Assert.Equal("mobile", first.Alias);
        Assert.Same(first, second);
        Assert.Same(first, feature.SegmentSelection);
    }

    [Fact]
    public void Select_ForARequestWithoutPersonalization_DefaultSegment()
    {
        var selector = Create(new SegmentDefinition("everyone", "Everyone", "{}"));

        var selection = selector.Select(new DefaultHttpContext());

        Assert.Null(selection.Alias);
        Assert.Contains("not running", selection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_EqualPriorities_FirstDefinedWins()
    {
        var selector = Create(
            new SegmentDefinition("a", "A", "{}"),
            new SegmentDefinition("b", "B", "{}"));

        Assert.Equal("a", selector.Select(Visitor(DeviceClass.Desktop, null)).Alias);
    }

    [Fact]
    public void Select_InNoSegment_DefaultSegment()
    {
        var selector = Create(new SegmentDefinition("vip", "VIP", """{"utm.campaign":"vip"}"""));

        var selection = selector.Select(Visitor(DeviceClass.Desktop, null));

        Assert.Null(selection.Alias);
        Assert.Contains("default segment", selection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_VisitorPausedPersonalization_DefaultSegmentWithReason()
    {
        var selector = Create(new SegmentDefinition("everyone", "Everyone", "{}"));
        var visitor = Visitor(DeviceClass.Desktop, null);
        visitor.Profile.PersonalizationPaused = true;

        var selection = selector.Select(visitor);

        Assert.Null(selection.Alias);
        Assert.Contains("paused", selection.Reason, StringComparison.Ordinal);
    }

    private static VisitorSegmentSelector Create(params SegmentDefinition[] segments)
    {
        var holder = new DefinitionSnapshotHolder();
        holder.Update(new DefinitionSet(segments, [], 1));
        var evaluator = new SegmentEvaluator(holder, Options.Create(new ProfileOptions()));
        return new VisitorSegmentSelector(new NullAccessor(), evaluator, holder);
    }

    private static VisitorContext Visitor(DeviceClass device, string? campaign) => new(
        VisitorProfile.CreateNew(string.Empty),
        new RequestContext { Device = device, Utm = new UtmParameters(Campaign: campaign), Timestamp = DateTimeOffset.UtcNow },
        ConsentState.Undecided);

    private sealed class NullAccessor : IVisitorContextAccessor
    {
        public VisitorContext? VisitorContext => null;

        public void DescribePage(IEnumerable<string> categories, IEnumerable<string> tags)
        {
        }
    }
}
