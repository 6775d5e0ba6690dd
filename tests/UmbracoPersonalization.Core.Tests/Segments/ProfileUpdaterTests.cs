using Microsoft.Extensions.Logging.Abstractions;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Tests.Support;
using UmbracoPersonalization.Core.Tests.Visitors;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Tests.Segments;

public class ProfileUpdaterTests
{
    private static readonly DateTimeOffset T0 = TestDefinitions.Now;

    private sealed class RecordingObserver : ISegmentMembershipObserver
    {
        public List<SegmentMembershipChange> Changes { get; } = [];

        public ValueTask OnMembershipChangedAsync(SegmentMembershipChange change, CancellationToken cancellationToken)
        {
            Changes.Add(change);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class FailingObserver : ISegmentMembershipObserver
    {
        public ValueTask OnMembershipChangedAsync(SegmentMembershipChange change, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }

    private static ProfileUpdater Updater(params ISegmentMembershipObserver[] observers)
    {
        var holder = new DefinitionSnapshotHolder();
        holder.Update(TestDefinitions.Set());
        return new ProfileUpdater(new ProfileBuilder(new ProfileOptions()), holder, observers, NullLogger<ProfileUpdater>.Instance);
    }

    [Fact]
    public void Apply_SecondVisit_EntersReturningVisitors()
    {
        var updater = Updater();
        var profile = VisitorProfile.CreateNew("v1");

        var first = updater.Apply(profile, ProfileBuilderTests.Event(T0));
        var second = updater.Apply(profile, ProfileBuilderTests.Event(T0.AddHours(1)));

        Assert.False(first.MembershipChanged);
        Assert.Equal(["returning-visitors"], second.Entered);
        Assert.Empty(second.Left);
        Assert.Contains("returning-visitors", profile.Segments);
    }

    [Fact]
    public void Apply_InterestDecaysBelowThreshold_LeavesSegment()
    {
        var updater = Updater();
        var profile = VisitorProfile.CreateNew("v1");
        updater.Apply(profile, ProfileBuilderTests.Event(T0, categories: ["bikes"]));
        updater.Apply(profile, ProfileBuilderTests.Event(T0.AddMinutes(1), categories: ["bikes"]));
        updater.Apply(profile, ProfileBuilderTests.Event(T0.AddMinutes(2), categories: ["bikes"]));
        var entered = updater.Apply(profile, ProfileBuilderTests.Event(T0.AddMinutes(3), categories: ["bikes"]));

        var left = updater.Apply(profile, ProfileBuilderTests.Event(T0.AddDays(30), VisitorEventType.Click));

        Assert.Contains("bike-fans", entered.Entered);
        Assert.Equal(["bike-fans"], left.Left);
        Assert.DoesNotContain("bike-fans", profile.Segments);
    }

    [Fact]
    public void Apply_CampaignEvent_EntersFromNewsletter()
    {
        var updater = Updater();
        var profile = VisitorProfile.CreateNew("v1");

        var result = updater.Apply(profile, ProfileBuilderTests.Event(T0, utm: new UtmParameters("newsletter")));

        Assert.Equal(["from-newsletter"], result.Entered);
    }

    [Fact]
    public void Apply_UndefinedSegmentInProfile_IsDroppedSilently()
    {
        var updater = Updater();
        var profile = VisitorProfile.CreateNew("v1");
        profile.Segments.Add("deleted-segment");

        var result = updater.Apply(profile, ProfileBuilderTests.Event(T0));

        Assert.Empty(result.Left);
        Assert.DoesNotContain("deleted-segment", profile.Segments);
    }

    [Fact]
    public void Apply_BotEvent_IsIgnored()
    {
        var result = Updater().Apply(VisitorProfile.CreateNew("v1"), ProfileBuilderTests.Event(T0, device: DeviceClass.Bot));
        Assert.Same(ProfileUpdateResult.Ignored, result);
    }

    [Fact]
    public async Task ApplyAsync_MembershipChanged_NotifiesEveryObserverEvenAfterAFailure()
    {
        var recording = new RecordingObserver();
        var updater = Updater(new FailingObserver(), recording);
        var profile = VisitorProfile.CreateNew("v1");

        await updater.ApplyAsync(profile, ProfileBuilderTests.Event(T0));
        var result = await updater.ApplyAsync(profile, ProfileBuilderTests.Event(T0.AddHours(2)));

        var change = Assert.Single(recording.Changes);
        Assert.Equal(["returning-visitors"], change.Entered);
        Assert.Same(profile, change.Profile);
        Assert.True(result.MembershipChanged);
    }
}
