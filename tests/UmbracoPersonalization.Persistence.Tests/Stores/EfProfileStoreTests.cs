using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Data;
using UmbracoPersonalization.Persistence.Serialization;
using UmbracoPersonalization.Persistence.Stores;
using UmbracoPersonalization.Persistence.Tests.Infrastructure;

namespace UmbracoPersonalization.Persistence.Tests.Stores;

public sealed class EfProfileStoreTests
{
    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SaveThenGet_RoundTripsEveryField(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = (await database.MigratedServicesAsync()).GetRequiredService<IProfileStore>();
        var profile = FullProfile("v-full");

        Assert.True(await store.SaveAsync(profile, expectedVersion: 0));
        var loaded = await store.GetAsync("v-full");

        Assert.NotNull(loaded);
        Assert.Equal(1, profile.Version);
        AssertSameProfile(profile, loaded);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SaveAsync_Update_StoresTheSerializersTextAndColumns(PersistenceProvider provider)
    {
        // On SQLite the update binds the body as UTF-8 written straight by the serializer: it must be the same text
        // (escaping included) as the string form, and LastSeen must be stored as EF Core stores it (retention reads it).
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = await database.MigratedServicesAsync();
        var store = services.GetRequiredService<IProfileStore>();
        var profile = FullProfile("v-utf8");
        Assert.True(await store.SaveAsync(profile, expectedVersion: 0));
        profile.Preferences["firstName"] = "Zoë <b>&amp;</b> \"quoted\" \U0001F600";
        profile.RecentPages.Add("/caf\u00e9/");
        profile.LastSeen = profile.LastSeen.AddDays(3);

        Assert.True(await store.SaveAsync(profile, profile.Version));

        await using var db = await services.GetRequiredService<IDbContextFactory<PersonalizationDbContext>>().CreateDbContextAsync();
        var since = profile.LastSeen.AddDays(-1);
        var row = await db.Profiles.AsNoTracking().SingleAsync(p => p.VisitorId == "v-utf8" && p.LastSeen > since);
        Assert.Equal(ProfileSerializer.Serialize(profile), row.Body);
        Assert.Equal(2, row.Version);
        Assert.Equal("member-42", row.MemberKey);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GetAsync_WhenNotStored_ReturnsNull(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = (await database.MigratedServicesAsync()).GetRequiredService<IProfileStore>();

        Assert.Null(await store.GetAsync("nobody"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SaveAsync_WithStaleExpectedVersion_ReturnsFalseAndKeepsTheWinner(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = (await database.MigratedServicesAsync()).GetRequiredService<IProfileStore>();
        Assert.True(await store.SaveAsync(new VisitorProfile { VisitorId = "v1", PageViews = 1 }, 0));
        var first = (await store.GetAsync("v1"))!;
        var second = (await store.GetAsync("v1"))!;

        first.PageViews = 10;
        Assert.True(await store.SaveAsync(first, first.Version));
        second.PageViews = 20;
        var saved = await store.SaveAsync(second, second.Version);

        Assert.False(saved);
        Assert.Equal(1, second.Version);
        var stored = (await store.GetAsync("v1"))!;
        Assert.Equal(10, stored.PageViews);
        Assert.Equal(2, stored.Version);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SaveAsync_AsNewWhenAlreadyStored_ReturnsFalse(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = (await database.MigratedServicesAsync()).GetRequiredService<IProfileStore>();
        Assert.True(await store.SaveAsync(new VisitorProfile { VisitorId = "v1", PageViews = 1 }, 0));

        Assert.False(await store.SaveAsync(new VisitorProfile { VisitorId = "v1", PageViews = 99 }, 0));
        Assert.False(await store.SaveAsync(new VisitorProfile { VisitorId = "v2" }, 5));

        Assert.Equal(1, (await store.GetAsync("v1"))!.PageViews);
        Assert.Null(await store.GetAsync("v2"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DeleteAsync_RemovesTheProfileOnce(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = (await database.MigratedServicesAsync()).GetRequiredService<IProfileStore>();
        await store.SaveAsync(new VisitorProfile { VisitorId = "v1" }, 0);

        Assert.True(await store.DeleteAsync("v1"));
        Assert.False(await store.DeleteAsync("v1"));
        Assert.Null(await store.GetAsync("v1"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SaveManyAsync_SavesNewAndCurrentProfiles_AndLeavesConflictsOut(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = (EfProfileStore)(await database.MigratedServicesAsync()).GetRequiredService<IProfileStore>();
        await store.SaveAsync(new VisitorProfile { VisitorId = "current" }, 0);
        await store.SaveAsync(new VisitorProfile { VisitorId = "stale" }, 0);
        await store.SaveAsync(new VisitorProfile { VisitorId = "stale", PageViews = 5 }, 1);
        await store.SaveAsync(new VisitorProfile { VisitorId = "taken" }, 0);
        var loaded = await store.GetManyAsync(["current", "stale", "missing"]);

        var saved = await store.SaveManyAsync(
        [
            new ProfileSave(new VisitorProfile { VisitorId = "current", PageViews = 1 }, loaded["current"].Version),
            new ProfileSave(new VisitorProfile { VisitorId = "stale", PageViews = 1 }, 1),
            new ProfileSave(new VisitorProfile { VisitorId = "new", PageViews = 1 }, 0),
            new ProfileSave(new VisitorProfile { VisitorId = "taken", PageViews = 1 }, 0),
        ]);

        Assert.Equal(["current", "stale"], loaded.Keys.Order());
        Assert.Equal(["current", "new"], saved.Order());
        Assert.Equal(1, (await store.GetAsync("current"))!.PageViews);
        Assert.Equal(5, (await store.GetAsync("stale"))!.PageViews);
        Assert.Equal(0, (await store.GetAsync("taken"))!.PageViews);
    }

    internal static VisitorProfile FullProfile(string visitorId)
    {
        var plusTwo = TimeSpan.FromHours(2);
        var profile = new VisitorProfile
        {
            VisitorId = visitorId,
            MemberKey = "member-42",
            FirstSeen = new DateTimeOffset(2026, 1, 2, 3, 4, 5, plusTwo).AddTicks(1234567),
            LastSeen = new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero),
            Visits = 7,
            VisitStartedAt = new DateTimeOffset(2026, 2, 3, 4, 0, 0, TimeSpan.Zero),
            PageViews = 31,
            VisitPageViews = 4,
            FirstReferrer = "https://search.example/?q=shoes",
            LastReferrer = "https://news.example/",
            FirstUtm = new UtmParameters("newsletter", "email", "spring", "shoes", "hero"),
            LastUtm = new UtmParameters(Source: "ads"),
            Device = DeviceClass.Tablet,
            Language = "nl-NL",
            Country = "NL",
            Stage = LifecycleStage.Loyal,
        };
        profile.CategoryInterests["Running"] = new InterestScore(3.5, profile.LastSeen);
        profile.TagInterests["trail"] = new InterestScore(0.25, profile.FirstSeen);
        profile.Goals["signup"] = new GoalRecord(2, profile.FirstSeen, profile.LastSeen);
        profile.Preferences["newsletter"] = "weekly";
        profile.Segments.Add("returning-visitors");
        profile.Segments.Add("runners");
        return profile;
    }

    internal static void AssertSameProfile(VisitorProfile expected, VisitorProfile actual)
    {
        Assert.Equal(expected.VisitorId, actual.VisitorId);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.MemberKey, actual.MemberKey);
        Assert.Equal(expected.FirstSeen, actual.FirstSeen);
        Assert.Equal(expected.FirstSeen.Offset, actual.FirstSeen.Offset);
        Assert.Equal(expected.LastSeen, actual.LastSeen);
        Assert.Equal(expected.Visits, actual.Visits);
        Assert.Equal(expected.VisitStartedAt, actual.VisitStartedAt);
        Assert.Equal(expected.PageViews, actual.PageViews);
        Assert.Equal(expected.VisitPageViews, actual.VisitPageViews);
        Assert.Equal(expected.FirstReferrer, actual.FirstReferrer);
        Assert.Equal(expected.LastReferrer, actual.LastReferrer);
        Assert.Equal(expected.FirstUtm, actual.FirstUtm);
        Assert.Equal(expected.LastUtm, actual.LastUtm);
        Assert.Equal(expected.Device, actual.Device);
        Assert.Equal(expected.Language, actual.Language);
        Assert.Equal(expected.Country, actual.Country);
        Assert.Equal(expected.CategoryInterests, actual.CategoryInterests);
        Assert.Equal(expected.TagInterests, actual.TagInterests);
        Assert.Equal(expected.Goals, actual.Goals);
        Assert.Equal(expected.Preferences, actual.Preferences);
        Assert.Equal(expected.Stage, actual.Stage);
        Assert.Equal(expected.Segments.Order(), actual.Segments.Order());
        Assert.True(actual.CategoryInterests.ContainsKey("RUNNING"), "Dictionaries stay case-insensitive.");
        Assert.Contains("RUNNERS", actual.Segments);
    }
}
