using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.DependencyInjection;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Notifications;
using UmbracoPersonalization.Web.Tests.TestSite;
using static UmbracoPersonalization.Web.Tests.TestSite.HttpAssertions;

namespace UmbracoPersonalization.Web.Tests.Notifications;

public sealed class SegmentNotificationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Saved_AfterEnteringASegment_PublishesEnteredOnce()
    {
        var (publisher, events) = Create();
        var profile = VisitorProfile.CreateNew("v1");

        publisher.Apply(profile, PageView("v1", "spring"));
        await publisher.OnProfilesSavedAsync([profile], CancellationToken.None);
        await publisher.OnProfilesSavedAsync([profile], CancellationToken.None); // a later save of the same object

        var entered = events.Published.OfType<SegmentEnteredNotification>().ToList();
        Assert.Equal(["campaign-spring", "identified-visitors"], entered.Select(n => n.SegmentAlias));
        Assert.All(entered, n => Assert.Equal("v1", n.VisitorId));
        Assert.Empty(events.Published.OfType<SegmentLeftNotification>());
    }

    [Fact]
    public async Task Saved_AfterLeavingASegment_PublishesLeft()
    {
        var (publisher, events) = Create();
        var profile = VisitorProfile.CreateNew("v1");
        profile.Segments.UnionWith(["campaign-spring", "identified-visitors"]);
        profile.Visits = 1;
        profile.LastSeen = Now.AddHours(-3);
        profile.LastUtm = new UtmParameters(Campaign: "spring");

        publisher.Apply(profile, PageView("v1", "autumn"));
        await publisher.OnProfilesSavedAsync([profile], CancellationToken.None);

        var left = Assert.Single(events.Published.OfType<SegmentLeftNotification>());
        Assert.Equal("campaign-spring", left.SegmentAlias);
    }

    [Fact]
    public async Task Saved_AMembershipStoredInAnotherCase_IsNeitherEnteredNorLeft()
    {
        var (publisher, events) = Create();
        var profile = VisitorProfile.CreateNew("v1");
        profile.Segments.Add("IDENTIFIED-VISITORS"); // aliases compare without case, as the profile's own set does

        publisher.Apply(profile, PageView("v1", "spring"));
        await publisher.OnProfilesSavedAsync([profile], CancellationToken.None);

        var entered = Assert.Single(events.Published.OfType<SegmentEnteredNotification>());
        Assert.Equal("campaign-spring", entered.SegmentAlias);
        Assert.Empty(events.Published.OfType<SegmentLeftNotification>());
    }

    [Fact]
    public async Task OptimisticConflict_AttemptNotSaved_PublishesNothingForIt()
    {
        var (publisher, events) = Create();
        var lostRace = VisitorProfile.CreateNew("v1");
        publisher.Apply(lostRace, PageView("v1", "spring")); // the worker's first attempt: the save conflicts

        var reloaded = VisitorProfile.CreateNew("v1"); // someone else saved it first, already in the segment
        reloaded.Segments.UnionWith(["campaign-spring", "identified-visitors"]);
        reloaded.Visits = 1;
        reloaded.LastSeen = Now.AddMinutes(-1);
        reloaded.LastUtm = new UtmParameters(Campaign: "spring");
        publisher.Apply(reloaded, PageView("v1", "spring"));
        await publisher.OnProfilesSavedAsync([reloaded], CancellationToken.None);

        Assert.Empty(events.Published);
    }

    [Fact]
    public async Task ComposedSite_ConsentedVisitorEntersSegment_HandlerRegisteredTheUmbracoWayIsCalled()
    {
        var received = new ConcurrentQueue<SegmentEnteredNotification>();
        await using var site = await TestSite.TestSite.StartAsync(services: s =>
        {
            s.AddSingleton(received);
            s.AddTransient<INotificationHandler<SegmentEnteredNotification>, RecordingHandler>(); // what builder.AddNotificationHandler registers
        });
        using var client = site.CreateCookieClient();
        await client.PostConsentAsync(Form(("purposes", "all")));

        await client.GetAsync("/?utm_campaign=spring");
        await Waiting.UntilAsync(() => Task.FromResult(received.Count), count => count >= 2, "both segments are entered");

        Assert.Equal(["campaign-spring", "identified-visitors"], received.Select(n => n.SegmentAlias).Order(StringComparer.Ordinal));
    }

    private static VisitorEvent PageView(string visitorId, string campaign) => new()
    {
        Id = Guid.NewGuid(),
        VisitorId = visitorId,
        Type = VisitorEventType.PageView,
        Timestamp = Now,
        Url = "/",
        Utm = new UtmParameters(Campaign: campaign),
    };

    private static (SegmentNotificationPublisher Publisher, RecordingEventAggregator Events) Create()
    {
        var holder = new DefinitionSnapshotHolder();
        holder.Update(TestSite.TestDefinitions.Create());
        var updater = new ProfileUpdater(new ProfileBuilder(new ProfileOptions()), holder, [], NullLogger<ProfileUpdater>.Instance);
        var events = new RecordingEventAggregator();
        var services = new ServiceCollection().AddSingleton<IEventAggregator>(events).BuildServiceProvider();
        return (new SegmentNotificationPublisher(updater, services), events);
    }

    public sealed class RecordingHandler(ConcurrentQueue<SegmentEnteredNotification> received) : INotificationHandler<SegmentEnteredNotification>
    {
        public void Handle(SegmentEnteredNotification notification) => received.Enqueue(notification);
    }
}

/// <summary>Records what is published.</summary>
public sealed class RecordingEventAggregator : IEventAggregator
{
    public ConcurrentQueue<INotification> Published { get; } = new();

    public void Publish<TNotification>(TNotification notification)
        where TNotification : INotification => Published.Enqueue(notification);

    public void Publish<TNotification, TNotificationHandler>(IEnumerable<TNotification> notifications)
        where TNotification : INotification
        where TNotificationHandler : INotificationHandler
    {
        foreach (var n in notifications)
        {
            Published.Enqueue(n);
        }
    }

    public Task PublishAsync<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification
    {
        Published.Enqueue(notification);
        return Task.CompletedTask;
    }

    public Task PublishAsync<TNotification, TNotificationHandler>(IEnumerable<TNotification> notifications, CancellationToken cancellationToken = default)
        where TNotification : INotification
        where TNotificationHandler : INotificationHandler
    {
        Publish<TNotification, TNotificationHandler>(notifications);
        return Task.CompletedTask;
    }

    public bool PublishCancelable<TCancelableNotification>(TCancelableNotification notification)
        where TCancelableNotification : ICancelableNotification
    {
        Published.Enqueue(notification);
        return false;
    }

    public Task<bool> PublishCancelableAsync<TCancelableNotification>(TCancelableNotification notification)
        where TCancelableNotification : ICancelableNotification
    {
        Published.Enqueue(notification);
        return Task.FromResult(false);
    }
}
