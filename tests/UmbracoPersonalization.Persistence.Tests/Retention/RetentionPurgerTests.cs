using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UmbracoPersonalization.Core.Auditing;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Experiments;
using UmbracoPersonalization.Core.Privacy;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Retention;
using UmbracoPersonalization.Persistence.Tests.Infrastructure;

namespace UmbracoPersonalization.Persistence.Tests.Retention;

public sealed class RetentionPurgerTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static async Task<ServiceProvider> ServicesAsync(TestDatabase database, FakeTimeProvider time, int batchSize = 2) =>
        await database.MigratedServicesAsync(services: s =>
        {
            s.AddSingleton<TimeProvider>(time);
            s.Configure<RetentionOptions>(o =>
            {
                o.EventRetention = TimeSpan.FromDays(180);
                o.InactiveProfileRetention = TimeSpan.FromDays(395);
                o.AuditRetention = TimeSpan.FromDays(730);
                o.BatchSize = batchSize;
                o.PauseBetweenBatches = TimeSpan.Zero;
                o.PurgeInterval = TimeSpan.FromHours(1);
            });
        });

    private static VisitorEvent Event(string visitorId, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(),
        VisitorId = visitorId,
        Type = VisitorEventType.PageView,
        Timestamp = at,
        Url = "/",
    };

    private static async Task ProfileAsync(IServiceProvider services, string visitorId, DateTimeOffset lastSeen) =>
        Assert.True(await services.GetRequiredService<IProfileStore>().SaveAsync(
            new VisitorProfile { VisitorId = visitorId, Visits = 1, FirstSeen = lastSeen, LastSeen = lastSeen }, 0));

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Purge_RemovesOnlyExpiredData_InBatches(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Now);
        var services = await ServicesAsync(database, time);
        var events = services.GetRequiredService<IEventStore>();
        var assignments = services.GetRequiredService<IAssignmentStore>();

        // Active visitor: five old events (expired), two recent ones (kept).
        await ProfileAsync(services, "active", Now.AddDays(-1));
        await events.AppendAsync([.. Enumerable.Range(0, 5).Select(i => Event("active", Now.AddDays(-181 - i))), Event("active", Now.AddDays(-179)), Event("active", Now.AddDays(-1))]);
        await assignments.SaveAsync(new VisitorAssignment("active", "hero", 1, Now.AddDays(-500)));

        // Inactive visitor: profile last seen 396 days ago, with an event and an assignment.
        await ProfileAsync(services, "inactive", Now.AddDays(-396));
        await events.AppendAsync([Event("inactive", Now.AddDays(-396))]);
        await assignments.SaveAsync(new VisitorAssignment("inactive", "hero", 0, Now.AddDays(-396)));

        // Almost inactive: kept.
        await ProfileAsync(services, "almost", Now.AddDays(-394));

        // An assignment of a visitor without a profile, long ago (purged), and a recent one (kept).
        await assignments.SaveAsync(new VisitorAssignment("no-profile-old", "hero", 0, Now.AddDays(-400)));
        await assignments.SaveAsync(new VisitorAssignment("no-profile-new", "hero", 0, Now.AddDays(-10)));

        var audit = services.GetRequiredService<IAuditLog>();
        await audit.WriteAsync(new AuditEntry { Timestamp = Now.AddDays(-800), Actor = "a", Action = AuditActions.Updated, EntityType = AuditEntityTypes.Segment, EntityKey = "old" });
        await audit.WriteAsync(new AuditEntry { Timestamp = Now.AddDays(-10), Actor = "a", Action = AuditActions.Updated, EntityType = AuditEntityTypes.Segment, EntityKey = "new" });

        var result = await services.GetRequiredService<RetentionPurger>().PurgeAsync();

        Assert.Equal(new RetentionPurgeResult(Events: 6, Profiles: 1, Assignments: 2, AuditEntries: 1), result);
        Assert.Equal([Now.AddDays(-179), Now.AddDays(-1)], (await events.GetByVisitorAsync("active")).Select(e => e.Timestamp));
        Assert.Single(await assignments.GetByVisitorAsync("active"));
        Assert.Null(await services.GetRequiredService<IProfileStore>().GetAsync("inactive"));
        Assert.Empty(await assignments.GetByVisitorAsync("inactive"));
        Assert.NotNull(await services.GetRequiredService<IProfileStore>().GetAsync("almost"));
        Assert.Empty(await assignments.GetByVisitorAsync("no-profile-old"));
        Assert.Single(await assignments.GetByVisitorAsync("no-profile-new"));

        var entries = (await audit.QueryAsync(new AuditQuery())).Items;
        Assert.DoesNotContain(entries, e => e.EntityKey == "old");
        var purged = Assert.Single(entries, e => e.Action == AuditActions.Purged);
        Assert.Equal(AuditActors.System, purged.Actor);

        // Nothing left to purge: a second run deletes nothing and writes no audit entry.
        Assert.False((await services.GetRequiredService<RetentionPurger>().PurgeAsync()).Any);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Purge_EventsSharingTheirTimeAcrossBatches_RemovesEveryExpiredOneAndNothingAtTheCutoff(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = await ServicesAsync(database, new FakeTimeProvider(Now), batchSize: 2);
        var events = services.GetRequiredService<IEventStore>();
        var cutoff = Now.AddDays(-180);
        await events.AppendAsync([
            .. Enumerable.Range(0, 5).Select(i => Event($"v{i}", cutoff.AddDays(-3))),
            Event("v0", cutoff.AddMilliseconds(-1)),
            Event("v1", cutoff.AddDays(-1)),
            Event("v2", cutoff),
            Event("v3", cutoff.AddMilliseconds(1)),
        ]);

        var result = await services.GetRequiredService<RetentionPurger>().PurgeAsync();

        Assert.Equal(7, result.Events);
        var left = new List<DateTimeOffset>();
        foreach (var visitor in new[] { "v0", "v1", "v2", "v3", "v4" })
        {
            left.AddRange((await events.GetByVisitorAsync(visitor)).Select(e => e.Timestamp));
        }

        Assert.Equal([cutoff, cutoff.AddMilliseconds(1)], left); // milliseconds: PostgreSQL keeps microseconds
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PurgeService_RunsOnEveryIntervalOfTheTimeProvider(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Now);
        var services = await ServicesAsync(database, time);
        var events = services.GetRequiredService<IEventStore>();
        await events.AppendAsync([Event("v", Now.AddDays(-170))]);
        var service = services.GetRequiredService<RetentionPurgeService>();
        await service.StartAsync(CancellationToken.None);
        try
        {
            time.Advance(TimeSpan.FromHours(1));
            await Eventually.UntilAsync(() => Task.FromResult(service.Runs >= 1), "the first purge ran");
            Assert.Single(await events.GetByVisitorAsync("v"));

            // Eleven days later the event is older than 180 days: the next tick purges it.
            time.Advance(TimeSpan.FromDays(11));
            await Eventually.UntilAsync(() => Task.FromResult(service.Runs >= 2), "the second purge ran");
            Assert.Empty(await events.GetByVisitorAsync("v"));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }
}
