using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Data;
using UmbracoPersonalization.Persistence.Serialization;
using UmbracoPersonalization.Persistence.Stores;
using UmbracoPersonalization.Persistence.Tests.Infrastructure;

namespace UmbracoPersonalization.Persistence.Tests.Stores;

public sealed class EfEventStoreTests
{
    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AppendAsync_SameEventTwice_StoresOneRow(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = await database.MigratedServicesAsync();
        var store = services.GetRequiredService<IEventStore>();
        var e = TestEvents.PageView("v1");

        await store.AppendAsync([e]);
        await store.AppendAsync([e]);

        Assert.Single(await store.GetByVisitorAsync("v1"));
        Assert.Equal(1, await CountRowsAsync(services));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AppendNewAsync_ReturnsOnlyTheIdsNotStoredBefore(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = (EfEventStore)(await database.MigratedServicesAsync()).GetRequiredService<IEventStore>();
        var old = TestEvents.PageView("v1", 0);
        var fresh = TestEvents.PageView("v1", 1);
        await store.AppendAsync([old]);

        var inserted = await store.AppendNewAsync([old, fresh, fresh]);

        Assert.Equal([fresh.Id], inserted);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AppendAsync_LargeBatch_StoresEveryEvent(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = await database.MigratedServicesAsync();
        var events = Enumerable.Range(0, 1234).Select(i => TestEvents.PageView($"v{i % 10}", i)).ToList();

        await services.GetRequiredService<IEventStore>().AppendAsync(events);

        Assert.Equal(1234, await CountRowsAsync(services));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GetByVisitorAsync_RoundTripsEveryFieldOldestFirst(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = (await database.MigratedServicesAsync()).GetRequiredService<IEventStore>();
        var full = new VisitorEvent
        {
            Id = Guid.NewGuid(),
            VisitorId = "v1",
            Type = VisitorEventType.Goal,
            Timestamp = new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.FromHours(2)),
            Name = "signup",
            Url = "/shop?color=red",
            Referrer = "https://example.org/",
            Utm = new UtmParameters("news", "email", "spring"),
            Device = DeviceClass.Mobile,
            Language = "de-DE",
            Country = "DE",
            Categories = ["Running", "Shoes"],
            Tags = ["trail"],
            Properties = new Dictionary<string, string> { ["variant"] = "b", ["value"] = "12.5" },
        };
        var earlier = TestEvents.PageView("v1", minute: -10);
        await store.AppendAsync([full, earlier, TestEvents.PageView("other")]);

        var events = await store.GetByVisitorAsync("v1");

        Assert.Equal([earlier.Id, full.Id], events.Select(e => e.Id));
        var loaded = events[1];
        Assert.Equal(full.VisitorId, loaded.VisitorId);
        Assert.Equal(full.Type, loaded.Type);
        Assert.Equal(full.Timestamp, loaded.Timestamp);
        Assert.Equal(full.Name, loaded.Name);
        Assert.Equal(full.Url, loaded.Url);
        Assert.Equal(full.Referrer, loaded.Referrer);
        Assert.Equal(full.Utm, loaded.Utm);
        Assert.Equal(full.Device, loaded.Device);
        Assert.Equal(full.Language, loaded.Language);
        Assert.Equal(full.Country, loaded.Country);
        Assert.Equal(full.Categories, loaded.Categories);
        Assert.Equal(full.Tags, loaded.Tags);
        Assert.Equal(full.Properties, loaded.Properties!);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AppendAsync_WithNulCharacterAndOverlongUrl_StoresTheCleanedEvent(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = (await database.MigratedServicesAsync()).GetRequiredService<IEventStore>();
        var e = TestEvents.PageView("v1", url: "/" + new string('a', 5000)) with { Name = "bad\0name" };

        await store.AppendAsync([e]);

        var loaded = Assert.Single(await store.GetByVisitorAsync("v1"));
        Assert.Equal("badname", loaded.Name);
        Assert.Equal(2048, loaded.Url!.Length);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DeleteByVisitorAsync_RemovesOnlyThatVisitorsEvents(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = (await database.MigratedServicesAsync()).GetRequiredService<IEventStore>();
        await store.AppendAsync([TestEvents.PageView("v1", 0), TestEvents.PageView("v1", 1), TestEvents.PageView("v2")]);

        Assert.Equal(2, await store.DeleteByVisitorAsync("v1"));

        Assert.Empty(await store.GetByVisitorAsync("v1"));
        Assert.Single(await store.GetByVisitorAsync("v2"));
        Assert.Equal(0, await store.DeleteByVisitorAsync("v1"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AppendNewAsync_StoresKeysAndInstantsAsEfCoreDoes(PersistenceProvider provider)
    {
        // The batch insert binds values itself (on SQLite without Microsoft.Data.Sqlite's command): a key written in
        // another form than EF's would slip past ON CONFLICT (a replay applied twice) and never match EF's queries.
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = await database.MigratedServicesAsync();
        var store = (EfEventStore)services.GetRequiredService<IEventStore>();
        var factory = services.GetRequiredService<IDbContextFactory<PersonalizationDbContext>>();
        var byEf = TestEvents.PageView("v1", 0);
        var byStore = TestEvents.PageView("v1", 5) with { Name = "caf\u00e9 \U0001F600" };
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Events.Add(EventDataSerializer.ToRow(byEf));
            await db.SaveChangesAsync();
        }

        var inserted = await store.AppendNewAsync([byEf, byStore]);

        Assert.Equal([byStore.Id], inserted);
        await using var read = await factory.CreateDbContextAsync();
        var found = await read.Events.AsNoTracking().SingleAsync(e => e.Id == byStore.Id);
        Assert.Equal(byStore.Timestamp, found.Timestamp);
        Assert.Equal("caf\u00e9 \U0001F600", found.Name);
        var from = TestEvents.T0.AddMinutes(1);
        Assert.Equal([byStore.Id], await read.Events.Where(e => e.Timestamp > from).Select(e => e.Id).ToListAsync());
    }

    internal static async Task<int> CountRowsAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PersonalizationDbContext>>().CreateDbContextAsync();
        return await db.Events.CountAsync();
    }
}
