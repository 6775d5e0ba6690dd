using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Caching;
using UmbracoPersonalization.Persistence.Ingestion;
using UmbracoPersonalization.Persistence.Tests.Infrastructure;
using UmbracoPersonalization.Persistence.Tests.Stores;

namespace UmbracoPersonalization.Persistence.Tests.Caching;

/// <summary>
/// The "no stored profile" marker: set by a read that found nothing, forgotten by any save, invalidation or clear, by
/// its expiry, and never set over a profile cached meanwhile or after an invalidation.
/// </summary>
public sealed class ProfileCacheMissingTests
{
    private readonly FakeTimeProvider _time = new(TestEvents.T0);

    [Fact]
    public void AMarker_IsKnownUntilAProfileIsCached()
    {
        var cache = Cache(10);

        Assert.False(cache.IsKnownMissing("v1"));
        Assert.True(cache.SetMissing("v1", cache.Generation));
        Assert.True(cache.IsKnownMissing("v1"));
        Assert.False(cache.IsKnownMissing("v2"));

        Assert.True(cache.Set(Profile("v1"), cache.Generation));
        Assert.False(cache.IsKnownMissing("v1"));
        Assert.True(cache.TryGet("v1", out _));
    }

    [Fact]
    public void AMarker_IsNotSet_OverAProfileCachedSinceTheRead()
    {
        var cache = Cache(10);
        var generation = cache.Generation;
        Assert.True(cache.Set(Profile("v1"), cache.Generation)); // a save that committed after the read found nothing

        Assert.False(cache.SetMissing("v1", generation));
        Assert.False(cache.IsKnownMissing("v1"));
    }

    [Fact]
    public void AMarker_FromAReadBeforeAnInvalidation_IsNotSet()
    {
        var cache = Cache(10);
        var generation = cache.Generation;
        cache.Invalidate("v1");

        Assert.False(cache.SetMissing("v1", generation));
        Assert.False(cache.IsKnownMissing("v1"));
    }

    [Fact]
    public void InvalidateAndClear_ForgetMarkers()
    {
        var cache = Cache(10);
        cache.SetMissing("v1", cache.Generation);
        cache.SetMissing("v2", cache.Generation);

        cache.Invalidate("v1");
        Assert.False(cache.IsKnownMissing("v1"));
        Assert.True(cache.IsKnownMissing("v2"));

        cache.Clear();
        Assert.False(cache.IsKnownMissing("v2"));
    }

    [Fact]
    public void AMarker_ExpiresAfterTheTimeToLive()
    {
        var cache = Cache(10, TimeSpan.FromSeconds(30));
        cache.SetMissing("v1", cache.Generation);

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.True(cache.IsKnownMissing("v1"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.IsKnownMissing("v1"));
    }

    [Fact]
    public void Markers_AreBounded_AndExpiredOnesMakeRoom()
    {
        var cache = Cache(10, TimeSpan.FromSeconds(30));
        var stored = 0;
        for (var i = 0; i < 10_001; i++)
        {
            stored += cache.SetMissing($"v{i}", cache.Generation) ? 1 : 0;
        }

        Assert.Equal(10_000, stored);
        Assert.False(cache.IsKnownMissing("v10000"));
        Assert.Equal(0, cache.Count); // markers never take a profile's place

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(cache.SetMissing("v-late", cache.Generation));
        Assert.True(cache.IsKnownMissing("v-late"));
        Assert.False(cache.IsKnownMissing("v0"));
    }

    [Fact]
    public void WithoutTheCache_NothingIsMarked()
    {
        var cache = Cache(0);

        Assert.False(cache.SetMissing("v1", cache.Generation));
        Assert.False(cache.IsKnownMissing("v1"));
    }

    [Fact]
    public async Task Store_MarksAReadThatFindsNothing_AndASaveEndsIt()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Sqlite);
        var store = (await database.MigratedServicesAsync()).GetRequiredService<IProfileStore>();
        Assert.False(store.IsKnownMissing("v1"));

        Assert.Null(await store.GetAsync("v1"));
        Assert.True(store.IsKnownMissing("v1"));

        Assert.True(await store.SaveAsync(VisitorProfile.CreateNew("v1"), expectedVersion: 0));
        Assert.False(store.IsKnownMissing("v1"));
        Assert.True(store.TryGetFromMemory("v1", out _));
    }

    [Fact]
    public async Task Store_AfterTheWorkerStoresTheFirstEvents_NoLongerReportsMissing()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Sqlite);
        var services = await database.MigratedServicesAsync(
            o => o.BatchSize = 1,
            s => s.AddSingleton<IProfileEventApplier, CountingApplier>());
        var store = services.GetRequiredService<IProfileStore>();
        var worker = services.GetRequiredService<EventIngestionWorker>();
        Assert.Null(await store.GetAsync("v1"));
        Assert.True(store.IsKnownMissing("v1"));

        await worker.StartAsync(CancellationToken.None);
        Assert.True(services.GetRequiredService<IEventQueue>().TryEnqueue(TestEvents.PageView("v1", 0)));
        await worker.StopAsync(CancellationToken.None); // drains the queue

        Assert.False(store.IsKnownMissing("v1"));
        Assert.True(store.TryGetFromMemory("v1", out var profile));
        Assert.Equal(1, profile.Version);
    }

    [Fact]
    public async Task WithoutTheCache_TheStoreNeverReportsMissing()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Sqlite);
        var store = (await database.MigratedServicesAsync(o => o.ProfileCacheCapacity = 0)).GetRequiredService<IProfileStore>();

        Assert.Null(await store.GetAsync("v1"));
        Assert.False(store.IsKnownMissing("v1"));
    }

    private ProfileCache Cache(int capacity, TimeSpan? timeToLive = null) => ProfileCacheTests.Create(_time, capacity, timeToLive);

    private static VisitorProfile Profile(string visitorId) => ProfileCacheTests.Profile(visitorId);
}
