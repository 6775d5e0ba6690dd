using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Caching;
using UmbracoPersonalization.Persistence.Data;
using UmbracoPersonalization.Persistence.Ingestion;
using UmbracoPersonalization.Persistence.Stores;
using UmbracoPersonalization.Persistence.Tests.Infrastructure;
using UmbracoPersonalization.Persistence.Tests.Stores;

namespace UmbracoPersonalization.Persistence.Tests.Caching;

public sealed class ProfileCacheTests
{
    private readonly FakeTimeProvider _time = new(TestEvents.T0);

    [Fact]
    public void TryGet_AfterSet_ReturnsAnEqualIndependentCopy()
    {
        var cache = Cache(10);
        var profile = Stored(EfProfileStoreTests.FullProfile("v1"), version: 3);

        Assert.True(cache.Set(profile, cache.Generation));
        Assert.True(cache.TryGet("v1", out var first));
        first.PageViews = 999;
        first.Segments.Clear();
        first.CategoryInterests["new"] = new InterestScore(1, TestEvents.T0);
        Assert.True(cache.TryGet("v1", out var second));

        EfProfileStoreTests.AssertSameProfile(profile, second);
        Assert.Equal(TimeSpan.FromHours(2), second.TagInterests["trail"].UpdatedAt.Offset);
        Assert.Equal(profile.TagInterests["trail"].UpdatedAt.Ticks, second.TagInterests["trail"].UpdatedAt.Ticks);
        Assert.NotSame(first, second);
    }

    [Fact]
    public void TryGet_KeepsThePreferenceCentreAndMergeFields()
    {
        var cache = Cache(10);
        var profile = Stored(EfProfileStoreTests.FullProfile("v1"), version: 2);
        profile.Topics.Add("cycling");
        profile.SuppressedInterests.Add("Running");
        profile.PersonalizationPaused = true;
        profile.MergedVisitorIds.Add("0123456789abcdef0123456789abcdef");
        profile.RecentPages.AddRange(["/b", "/a", "/c"]);
        profile.CustomEvents["download"] = 3;
        profile.VisitSegments.Add("runners");
        profile.VisitSegments.Add("new-this-visit");
        cache.Set(profile, cache.Generation);

        Assert.True(cache.TryGet("v1", out var cached));

        Assert.Equal(["cycling"], cached.Topics);
        Assert.Contains("RUNNING", cached.SuppressedInterests);
        Assert.True(cached.PersonalizationPaused);
        Assert.Equal(["0123456789abcdef0123456789abcdef"], cached.MergedVisitorIds);
        Assert.Equal(["/b", "/a", "/c"], cached.RecentPages);
        Assert.Equal(3, cached.CustomEvents["DOWNLOAD"]);
        Assert.Equal(["new-this-visit", "runners"], cached.VisitSegments.Order(StringComparer.Ordinal));
        Assert.Equal(UmbracoPersonalization.Persistence.Serialization.ProfileSerializer.Serialize(profile),
            UmbracoPersonalization.Persistence.Serialization.ProfileSerializer.Serialize(cached));
    }

    [Fact]
    public void CompactProfile_CoversEveryPropertyOfVisitorProfile()
    {
        // A property added to VisitorProfile must be added to CompactProfile too, or the cache would lose it.
        string[] covered =
        [
            "VisitorId", "Version", "MemberKey", "FirstSeen", "LastSeen", "Visits", "VisitStartedAt", "PageViews", "VisitPageViews",
            "FirstReferrer", "LastReferrer", "FirstUtm", "LastUtm", "Device", "Language", "Country", "CategoryInterests",
            "TagInterests", "Goals", "Preferences", "Stage", "Segments", "RecentPages", "CustomEvents", "VisitSegments", "Topics",
            "SuppressedInterests", "PersonalizationPaused", "MergedVisitorIds",
        ];

        var properties = typeof(VisitorProfile).GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal);

        Assert.Equal(covered.Order(StringComparer.Ordinal), properties);
    }

    [Fact]
    public void Set_KeepsNoReferenceToTheCallersProfile()
    {
        var cache = Cache(10);
        var profile = Stored(EfProfileStoreTests.FullProfile("v1"), version: 1);
        cache.Set(profile, cache.Generation);

        profile.PageViews = 1000;
        profile.Preferences["newsletter"] = "never";

        Assert.True(cache.TryGet("v1", out var cached));
        Assert.Equal(31, cached.PageViews);
        Assert.Equal("weekly", cached.Preferences["newsletter"]);
    }

    [Fact]
    public void Set_NeverHoldsMoreThanTheCapacity()
    {
        var cache = Cache(capacity: 8);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(cache.Set(Profile($"v{i}"), cache.Generation));
            Assert.True(cache.Count <= 8);
        }

        Assert.Equal(8, cache.Count);
        Assert.True(cache.TryGet("v99", out _), "The newest entry is kept.");
        Assert.Equal(8, Enumerable.Range(0, 100).Count(i => cache.TryGet($"v{i}", out _)));
    }

    [Fact]
    public void Eviction_GivesAnEntryReadSinceTheLastPassASecondChance()
    {
        var cache = Cache(capacity: 4);
        for (var i = 0; i < 4; i++)
        {
            cache.Set(Profile($"v{i}"), cache.Generation);
        }

        Assert.True(cache.TryGet("v0", out _));

        cache.Set(Profile("v4"), cache.Generation);

        Assert.True(cache.TryGet("v0", out _), "The oldest entry was read, so the hand passes over it once.");
        Assert.False(cache.TryGet("v1", out _), "The next unread entry is evicted instead.");
        Assert.Equal(4, cache.Count);
    }

    [Fact]
    public void Invalidate_DropsTheEntry()
    {
        var cache = Cache(10);
        cache.Set(Profile("v1"), cache.Generation);
        cache.Set(Profile("v2"), cache.Generation);

        cache.Invalidate("v1");

        Assert.False(cache.TryGet("v1", out _));
        Assert.True(cache.TryGet("v2", out _));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Set_WithAGenerationTakenBeforeAnInvalidation_DoesNothing()
    {
        // A read (or save) that started before an erasure must not put the erased profile back.
        var cache = Cache(10);
        var generation = cache.Generation;
        cache.Invalidate("v1");

        Assert.False(cache.Set(Profile("v1"), generation));
        Assert.False(cache.TryGet("v1", out _));
        Assert.True(cache.Set(Profile("v1"), cache.Generation));
    }

    [Fact]
    public void Set_DoesNotReplaceANewerVersion()
    {
        var cache = Cache(10);
        cache.Set(Profile("v1", version: 5, pageViews: 50), cache.Generation);

        Assert.False(cache.Set(Profile("v1", version: 4, pageViews: 40), cache.Generation));
        Assert.True(cache.Set(Profile("v1", version: 6, pageViews: 60), cache.Generation));

        Assert.True(cache.TryGet("v1", out var cached));
        Assert.Equal(60, cached.PageViews);
        Assert.Equal(6, cached.Version);
    }

    [Fact]
    public void Set_IgnoresProfilesNeverStored()
    {
        var cache = Cache(10);

        Assert.False(cache.Set(VisitorProfile.CreateNew("v1"), cache.Generation));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Entries_ExpireAfterTheTimeToLive()
    {
        var cache = Cache(10, TimeSpan.FromSeconds(30));
        cache.Set(Profile("v1"), cache.Generation);

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.True(cache.TryGet("v1", out _));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet("v1", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Set_RestartsTheTimeToLive()
    {
        var cache = Cache(10, TimeSpan.FromSeconds(30));
        cache.Set(Profile("v1", version: 1), cache.Generation);
        _time.Advance(TimeSpan.FromSeconds(20));
        cache.Set(Profile("v1", version: 2), cache.Generation);
        _time.Advance(TimeSpan.FromSeconds(20));

        Assert.True(cache.TryGet("v1", out var cached));
        Assert.Equal(2, cached.Version);
    }

    [Fact]
    public void Clear_DropsEverything()
    {
        var cache = Cache(10);
        cache.Set(Profile("v1"), cache.Generation);
        var generation = cache.Generation;

        cache.Clear();

        Assert.Equal(0, cache.Count);
        Assert.False(cache.Set(Profile("v2"), generation));
        Assert.True(cache.Set(Profile("v2"), cache.Generation));
    }

    [Fact]
    public void CapacityZero_CachesNothing()
    {
        var cache = Cache(0);

        Assert.False(cache.IsEnabled);
        Assert.False(cache.Set(Profile("v1"), cache.Generation));
        Assert.False(cache.TryGet("v1", out _));
    }

    [Fact]
    public void Entries_ShareRepeatedStrings()
    {
        var cache = Cache(10);
        var a = Stored(EfProfileStoreTests.FullProfile("a"), 1);
        var b = Stored(EfProfileStoreTests.FullProfile("b"), 1);
        b.Country = new string("NL".AsSpan());
        cache.Set(a, cache.Generation);
        cache.Set(b, cache.Generation);

        cache.TryGet("a", out var fromA);
        cache.TryGet("b", out var fromB);

        Assert.Same(fromA.Country, fromB.Country);
        Assert.Same(fromA.FirstUtm, fromB.FirstUtm);
        Assert.Same(fromA.Segments.Order().First(), fromB.Segments.Order().First());
    }

    [Fact]
    public async Task Store_ServesReadsFromTheCacheAndDropsTheEntryOnDelete()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Sqlite);
        var services = await database.MigratedServicesAsync();
        var store = services.GetRequiredService<IProfileStore>();
        var cache = services.GetRequiredService<ProfileCache>();
        Assert.True(await store.SaveAsync(EfProfileStoreTests.FullProfile("v1"), 0));
        Assert.True(cache.TryGet("v1", out _), "A save fills the cache.");

        Assert.True(await store.DeleteAsync("v1"));

        Assert.False(cache.TryGet("v1", out _));
        Assert.Null(await store.GetAsync("v1"));
    }

    [Fact]
    public async Task Store_AfterAnotherInstanceSaved_ServesTheStaleEntryUntilASaveConflictsThenReloads()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Sqlite);
        var ours = (await database.MigratedServicesAsync()).GetRequiredService<IProfileStore>();
        var theirs = database.BuildServices().GetRequiredService<IProfileStore>();
        Assert.True(await ours.SaveAsync(Profile("v1", version: 0, pageViews: 1), 0));
        var other = (await theirs.GetAsync("v1"))!;
        other.PageViews = 2;
        Assert.True(await theirs.SaveAsync(other, 1));

        var stale = (await ours.GetAsync("v1"))!;
        Assert.Equal(1, stale.PageViews); // within the time to live: documented staleness
        stale.PageViews = 3;
        Assert.False(await ours.SaveAsync(stale, stale.Version));

        var reloaded = (await ours.GetAsync("v1"))!;
        Assert.Equal(2, reloaded.PageViews);
        Assert.Equal(2, reloaded.Version);
    }

    [Fact]
    public async Task Worker_UpdatesTheCacheAfterASuccessfulSave()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Sqlite);
        var services = await database.MigratedServicesAsync(
            o => o.BatchSize = 10,
            s => s.AddSingleton<IProfileEventApplier, CountingApplier>());
        var worker = services.GetRequiredService<EventIngestionWorker>();
        var queue = services.GetRequiredService<IEventQueue>();
        var cache = services.GetRequiredService<ProfileCache>();
        await worker.StartAsync(CancellationToken.None);
        for (var i = 0; i < 30; i++)
        {
            Assert.True(queue.TryEnqueue(TestEvents.PageView($"v{i % 3}", i)));
        }

        await worker.StopAsync(CancellationToken.None);

        for (var v = 0; v < 3; v++)
        {
            Assert.True(cache.TryGet($"v{v}", out var cached));
            Assert.Equal(10, cached.PageViews);
            var factory = services.GetRequiredService<IDbContextFactory<PersonalizationDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            var stored = await db.Profiles.SingleAsync(p => p.VisitorId == $"v{v}");
            Assert.Equal(stored.Version, cached.Version);
        }
    }

    /// <summary>A cache of <paramref name="capacity"/> entries on <paramref name="time"/> (time to live 30 s unless given).</summary>
    internal static ProfileCache Create(TimeProvider time, int capacity, TimeSpan? timeToLive = null) =>
        new(Options.Create(new PersistenceOptions { ProfileCacheCapacity = capacity, ProfileCacheTimeToLive = timeToLive ?? TimeSpan.FromSeconds(30) }), time);

    private ProfileCache Cache(int capacity, TimeSpan? timeToLive = null) => Create(_time, capacity, timeToLive);

    /// <summary>A stored profile (in the "returning" segment) at <paramref name="version"/>.</summary>
    internal static VisitorProfile Profile(string visitorId, long version = 1, int pageViews = 1)
    {
        var profile = VisitorProfile.CreateNew(visitorId);
        profile.Version = version;
        profile.PageViews = pageViews;
        profile.Segments.Add("returning");
        return profile;
    }

    private static VisitorProfile Stored(VisitorProfile profile, long version)
    {
        profile.Version = version;
        return profile;
    }
}
