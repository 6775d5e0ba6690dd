using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Data;
using UmbracoPersonalization.Persistence.Ingestion;
using UmbracoPersonalization.Persistence.Stores;
using UmbracoPersonalization.Persistence.Tests.Infrastructure;
using UmbracoPersonalization.Persistence.Tests.Stores;

namespace UmbracoPersonalization.Persistence.Tests.Ingestion;

public sealed class EventIngestionWorkerTests
{
    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Running_WritesEveryEventAndUpdatesEachProfile(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = await database.MigratedServicesAsync(
            o => o.BatchSize = 64,
            s => s.AddSingleton<IProfileEventApplier, CountingApplier>());
        var worker = services.GetRequiredService<EventIngestionWorker>();
        var queue = services.GetRequiredService<IEventQueue>();
        var profiles = services.GetRequiredService<IProfileStore>();
        using var recorder = new MetricRecorder(services.GetRequiredService<PersistenceMetrics>().Meter);
        await worker.StartAsync(CancellationToken.None);

        for (var i = 0; i < 1000; i++)
        {
            Assert.True(queue.TryEnqueue(TestEvents.PageView($"v{i % 20}", i)));
        }

        await Eventually.UntilAsync(async () => await EfEventStoreTests.CountRowsAsync(services) == 1000, "1000 events are stored");
        await Eventually.UntilAsync(
            async () => (await Task.WhenAll(Enumerable.Range(0, 20).Select(v => profiles.GetAsync($"v{v}")))).Sum(p => p?.PageViews ?? 0) == 1000,
            "every event is applied to a profile");
        var v3 = (await profiles.GetAsync("v3"))!;
        Assert.Equal(50, v3.PageViews);
        Assert.Equal(TestEvents.T0.AddMinutes(3), v3.FirstSeen);
        Assert.Equal(TestEvents.T0.AddMinutes(983), v3.LastSeen);
        Assert.Equal(1000, recorder["events.written"]);
        Assert.Equal(0, recorder["store.failures"]);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task StopAsync_FlushesEverythingQueued(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = await database.MigratedServicesAsync(
            o => o.BatchSize = 100,
            s => s.AddSingleton<IProfileEventApplier, CountingApplier>());
        var worker = services.GetRequiredService<EventIngestionWorker>();
        var queue = services.GetRequiredService<IEventQueue>();
        await worker.StartAsync(CancellationToken.None);
        for (var i = 0; i < 3000; i++)
        {
            Assert.True(queue.TryEnqueue(TestEvents.PageView($"v{i % 7}", i)));
        }

        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(3000, await EfEventStoreTests.CountRowsAsync(services));
        var profiles = services.GetRequiredService<IProfileStore>();
        var views = 0;
        for (var v = 0; v < 7; v++)
        {
            views += (await profiles.GetAsync($"v{v}"))!.PageViews;
        }

        Assert.Equal(3000, views);
        Assert.False(queue.TryEnqueue(TestEvents.PageView("late")), "A stopped worker's queue accepts nothing.");
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DuplicateEvents_AreStoredAndAppliedOnce(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = await database.MigratedServicesAsync(configure: null, services: s => s.AddSingleton<IProfileEventApplier, CountingApplier>());
        var worker = services.GetRequiredService<EventIngestionWorker>();
        var queue = services.GetRequiredService<IEventQueue>();
        var e = TestEvents.PageView("v1");
        await services.GetRequiredService<IEventStore>().AppendAsync([TestEvents.PageView("v1", 5) with { Id = e.Id }]);

        queue.TryEnqueue(e);
        queue.TryEnqueue(e);
        queue.TryEnqueue(TestEvents.PageView("v1", 1));
        await worker.StartAsync(CancellationToken.None);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(2, await EfEventStoreTests.CountRowsAsync(services));
        Assert.Equal(1, (await services.GetRequiredService<IProfileStore>().GetAsync("v1"))!.PageViews);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ProfileConflict_ReloadsAndReappliesTheEvents(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        InterferingProfileStore? interfering = null;
        var services = await database.MigratedServicesAsync(configure: null, services: s =>
        {
            s.AddSingleton<IProfileEventApplier, CountingApplier>();
            s.AddSingleton<IProfileStore>(sp => interfering = new InterferingProfileStore(
                new EfProfileStore(sp.GetRequiredService<IDbContextFactory<PersonalizationDbContext>>())));
        });
        var worker = services.GetRequiredService<EventIngestionWorker>();
        var queue = services.GetRequiredService<IEventQueue>();
        queue.TryEnqueue(TestEvents.PageView("v1", 0));
        queue.TryEnqueue(TestEvents.PageView("v1", 1));

        await worker.StartAsync(CancellationToken.None);
        await worker.StopAsync(CancellationToken.None);

        var profile = (await interfering!.Inner.GetAsync("v1"))!;
        Assert.Equal(100 + 2, profile.PageViews);
        Assert.Equal(2, profile.Version);
        Assert.Equal(2, interfering.Saves);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ProfileConflict_InTheCombinedTransaction_CommitsTheEventsThenReloadsAndReapplies(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = await database.MigratedServicesAsync(configure: null, services: s => s.AddSingleton<IProfileEventApplier, CountingApplier>());
        var worker = services.GetRequiredService<EventIngestionWorker>();
        var queue = services.GetRequiredService<IEventQueue>();
        var profiles = services.GetRequiredService<IProfileStore>();
        Assert.IsType<EfProfileStore>(profiles);

        // The worker's store caches version 1; another instance (no shared cache) then saves version 2.
        Assert.True(await profiles.SaveAsync(new VisitorProfile { VisitorId = "v1" }, 0));
        var otherInstance = new EfProfileStore(services.GetRequiredService<IDbContextFactory<PersonalizationDbContext>>());
        Assert.True(await otherInstance.SaveAsync(new VisitorProfile { VisitorId = "v1", PageViews = 100 }, 1));

        queue.TryEnqueue(TestEvents.PageView("v1", 0));
        queue.TryEnqueue(TestEvents.PageView("v1", 1));
        await worker.StartAsync(CancellationToken.None);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(2, await EfEventStoreTests.CountRowsAsync(services));
        var profile = (await otherInstance.GetAsync("v1"))!;
        Assert.Equal(100 + 2, profile.PageViews);
        Assert.Equal(3, profile.Version);
        Assert.Equal(102, (await profiles.GetAsync("v1"))!.PageViews);
    }

    [Fact]
    public async Task ProfileSideFailing_InTheCombinedTransaction_StillStoresTheEventsOnce()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Sqlite);
        var services = await database.MigratedServicesAsync(
            o =>
            {
                o.MaxStoreAttempts = 3;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            },
            s => s.AddSingleton<IProfileEventApplier, CountingApplier>());
        await using (var db = await services.GetRequiredService<IDbContextFactory<PersonalizationDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER test_no_profiles BEFORE INSERT ON upPersonalizationProfile BEGIN SELECT RAISE(ABORT, 'no profiles'); END;");
        }

        var worker = services.GetRequiredService<EventIngestionWorker>();
        var queue = services.GetRequiredService<IEventQueue>();
        using var recorder = new MetricRecorder(services.GetRequiredService<PersistenceMetrics>().Meter);
        for (var i = 0; i < 10; i++)
        {
            queue.TryEnqueue(TestEvents.PageView("v1", i));
        }

        await worker.StartAsync(CancellationToken.None);
        await worker.StopAsync(CancellationToken.None);

        // The combined transaction rolled back (events included); the two-step retry stored the events, and the
        // profile side failed its three attempts.
        Assert.Equal(10, await EfEventStoreTests.CountRowsAsync(services));
        Assert.Equal(10, recorder["events.written"]);
        Assert.Equal(1 + 3, recorder["store.failures"]);
        Assert.Null(await services.GetRequiredService<IProfileStore>().GetAsync("v1"));
    }

    [Theory]
    [InlineData(PersistenceProvider.Sqlite)]
    [InlineData(PersistenceProvider.PostgreSql)]
    public async Task DatabaseDown_NeitherTryEnqueueNorTheWorkerThrows_AndFailuresAreCounted(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Sqlite);
        var blocker = Path.Combine(Path.GetTempPath(), "up-persistence-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        await File.WriteAllTextAsync(blocker, "a file where a folder should be");
        try
        {
            var services = database.BuildServices(
                o =>
                {
                    o.Provider = provider;
                    o.ConnectionString = provider == PersistenceProvider.Sqlite
                        ? $"Data Source={Path.Combine(blocker, "sub", "x.db")}"
                        : "Host=127.0.0.1;Port=1;Username=nobody;Database=nowhere;Timeout=2";
                    o.MaxStoreAttempts = 3;
                    o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
                },
                s => s.AddSingleton<IProfileEventApplier, CountingApplier>());
            var worker = services.GetRequiredService<EventIngestionWorker>();
            var queue = services.GetRequiredService<IEventQueue>();
            using var recorder = new MetricRecorder(services.GetRequiredService<PersistenceMetrics>().Meter);

            // Queued before the worker starts, so they are one batch (started first, it could take the first events
            // alone and fail twice as often).
            var accepted = Enumerable.Range(0, 10).Select(i => queue.TryEnqueue(TestEvents.PageView("v1", i))).ToList();
            await worker.StartAsync(CancellationToken.None);
            await worker.StopAsync(CancellationToken.None);

            Assert.All(accepted, Assert.True);
            Assert.True(worker.ExecuteTask!.IsCompletedSuccessfully);
            Assert.Equal(3, recorder["store.failures"]);
            Assert.Equal(0, recorder["events.written"]);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    /// <summary>Before the worker's first save, another writer saves the same profile (100 page views).</summary>
    private sealed class InterferingProfileStore(EfProfileStore inner) : IProfileStore
    {
        public EfProfileStore Inner { get; } = inner;

        public int Saves { get; private set; }

        public Task<VisitorProfile?> GetAsync(string visitorId, CancellationToken cancellationToken = default) =>
            Inner.GetAsync(visitorId, cancellationToken);

        public async Task<bool> SaveAsync(VisitorProfile profile, long expectedVersion, CancellationToken cancellationToken = default)
        {
            if (++Saves == 1)
            {
                Assert.True(await Inner.SaveAsync(new VisitorProfile { VisitorId = profile.VisitorId, PageViews = 100 }, 0, cancellationToken));
            }

            return await Inner.SaveAsync(profile, expectedVersion, cancellationToken);
        }

        public Task<bool> DeleteAsync(string visitorId, CancellationToken cancellationToken = default) =>
            Inner.DeleteAsync(visitorId, cancellationToken);
    }
}
