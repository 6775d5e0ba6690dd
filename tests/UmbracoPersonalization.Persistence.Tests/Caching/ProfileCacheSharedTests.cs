using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Caching;
using UmbracoPersonalization.Persistence.Tests.Infrastructure;
using UmbracoPersonalization.Persistence.Tests.Stores;

namespace UmbracoPersonalization.Persistence.Tests.Caching;

/// <summary><see cref="ProfileCache.TryGetShared"/>: one decoded profile per cached version, for readers only.</summary>
public sealed class ProfileCacheSharedTests
{
    private readonly FakeTimeProvider _time = new(TestEvents.T0);

    [Fact]
    public void TryGetShared_ReturnsTheSameEqualProfileUntilTheEntryChanges_AndNeverTheCopiesOfTryGet()
    {
        var cache = Cache();
        var profile = EfProfileStoreTests.FullProfile("v1");
        profile.Version = 3;
        cache.Set(profile, cache.Generation);

        Assert.True(cache.TryGetShared("v1", out var first));
        Assert.True(cache.TryGetShared("v1", out var second));
        Assert.True(cache.TryGet("v1", out var copy));

        Assert.Same(first, second);
        Assert.NotSame(first, copy);
        EfProfileStoreTests.AssertSameProfile(profile, first);

        var next = ProfileCacheTests.Profile("v1", version: 4, pageViews: 77);
        cache.Set(next, cache.Generation);

        Assert.True(cache.TryGetShared("v1", out var third));
        Assert.NotSame(first, third);
        Assert.Equal(77, third.PageViews);
        Assert.Equal(31, first.PageViews); // what a request already holds stays as it was
    }

    [Fact]
    public void TryGetShared_AfterInvalidateExpiryOrClear_ServesNothing()
    {
        var cache = Cache();
        cache.Set(ProfileCacheTests.Profile("erased"), cache.Generation);
        cache.Set(ProfileCacheTests.Profile("expired"), cache.Generation);
        Assert.True(cache.TryGetShared("erased", out _));
        Assert.True(cache.TryGetShared("expired", out _));

        cache.Invalidate("erased");
        _time.Advance(TimeSpan.FromMinutes(31));

        Assert.False(cache.TryGetShared("erased", out _));
        Assert.False(cache.TryGetShared("expired", out _));

        cache.Set(ProfileCacheTests.Profile("cleared"), cache.Generation);
        Assert.True(cache.TryGetShared("cleared", out _));
        cache.Clear();
        Assert.False(cache.TryGetShared("cleared", out _));
    }

    [Fact]
    public void TryGetShared_KeepsOnlyTheMostRecentlySharedEntriesDecoded()
    {
        var cache = Cache(capacity: ProfileCache.SharedCapacity + 10);
        for (var i = 0; i <= ProfileCache.SharedCapacity; i++)
        {
            cache.Set(ProfileCacheTests.Profile($"v{i}"), cache.Generation);
        }

        Assert.True(cache.TryGetShared("v0", out var oldest));
        Assert.True(cache.TryGetShared("v1", out var second));
        for (var i = 2; i <= ProfileCache.SharedCapacity; i++)
        {
            Assert.True(cache.TryGetShared($"v{i}", out _));
        }

        // v0 was pushed out of the ring by the SharedCapacity-th share after it; v1 is still decoded.
        Assert.True(cache.TryGetShared("v1", out var secondAgain));
        Assert.Same(second, secondAgain);
        Assert.True(cache.TryGetShared("v0", out var again));
        Assert.NotSame(oldest, again);
        Assert.Equal(oldest.VisitorId, again.VisitorId);
    }

    [Fact]
    public async Task TryGetShared_FromManyThreadsAtOnce_HandsEveryoneTheSameProfile()
    {
        var cache = Cache();
        cache.Set(ProfileCacheTests.Profile("v1", pageViews: 5), cache.Generation);
        using var start = new Barrier(16);

        var seen = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            Assert.True(cache.TryGetShared("v1", out var profile));
            return profile;
        })));

        Assert.All(seen, p => Assert.Same(seen[0], p));
        Assert.Equal(5, seen[0].PageViews);
    }

    [Fact]
    public async Task Store_ServesTheRequestPathASharedProfile_AndGetAsyncACopyOfItsOwn()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Sqlite);
        var store = (await database.MigratedServicesAsync()).GetRequiredService<IProfileStore>();
        Assert.True(await store.SaveAsync(ProfileCacheTests.Profile("v1", version: 0, pageViews: 3), 0));
        Assert.NotNull(await store.GetAsync("v1")); // loads the entry into the cache

        Assert.True(store.TryGetFromMemory("v1", out var shared));
        Assert.True(store.TryGetFromMemory("v1", out var sharedAgain));
        var own = await store.GetAsync("v1");

        Assert.Same(shared, sharedAgain);
        Assert.NotSame(shared, own);
        Assert.Equal(3, own!.PageViews);
    }

    private ProfileCache Cache(int capacity = 10) => ProfileCacheTests.Create(_time, capacity, TimeSpan.FromMinutes(30));
}
