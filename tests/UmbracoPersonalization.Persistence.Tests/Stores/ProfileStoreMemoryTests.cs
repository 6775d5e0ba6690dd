using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Tests.Infrastructure;

namespace UmbracoPersonalization.Persistence.Tests.Stores;

/// <summary><c>TryGetFromMemory</c> answers only what the profile cache holds, and never "not stored".</summary>
public sealed class ProfileStoreMemoryTests
{
    [Fact]
    public async Task AProfile_IsInMemoryOnlyOnceItWasReadOrSaved()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Sqlite);
        var services = await database.MigratedServicesAsync();
        var store = services.GetRequiredService<IProfileStore>();

        Assert.False(store.TryGetFromMemory("v-mem", out _));
        Assert.True(await store.SaveAsync(new VisitorProfile { VisitorId = "v-mem", Visits = 3 }, expectedVersion: 0));

        Assert.True(store.TryGetFromMemory("v-mem", out var profile));
        Assert.Equal(3, profile.Visits);
        Assert.False(store.TryGetFromMemory("v-never-stored", out _));
    }

    [Fact]
    public async Task WithoutTheCache_NothingIsAnsweredFromMemory()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Sqlite);
        var services = await database.MigratedServicesAsync(o => o.ProfileCacheCapacity = 0);
        var store = services.GetRequiredService<IProfileStore>();
        Assert.True(await store.SaveAsync(new VisitorProfile { VisitorId = "v-mem", Visits = 3 }, expectedVersion: 0));

        Assert.NotNull(await store.GetAsync("v-mem"));
        Assert.False(store.TryGetFromMemory("v-mem", out _));
    }
}
