using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Core.Auditing;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Persistence.Tests.Infrastructure;

namespace UmbracoPersonalization.Persistence.Tests.Stores;

public sealed class EfAuditLogTests
{
    private static AuditEntry Entry(int minute, string action = AuditActions.Updated, string type = AuditEntityTypes.Segment, string key = "s") => new()
    {
        Timestamp = TestEvents.T0.AddMinutes(minute),
        Actor = "editor",
        Action = action,
        EntityType = type,
        EntityKey = key,
        Before = "{\"a\":1}",
        After = "{\"a\":2}",
    };

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Query_FiltersByEntityActionAndTime_NewestFirst_Paged(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var log = (await database.MigratedServicesAsync()).GetRequiredService<IAuditLog>();
        for (var i = 0; i < 5; i++)
        {
            await log.WriteAsync(Entry(i, key: "s" + i));
        }

        await log.WriteAsync(Entry(10, AuditActions.Deleted, AuditEntityTypes.Experience, "home-hero"));

        var page = await log.QueryAsync(new AuditQuery { EntityType = AuditEntityTypes.Segment, Skip = 1, Take = 2 });
        Assert.Equal(5, page.Total);
        Assert.Equal(["s3", "s2"], page.Items.Select(e => e.EntityKey));
        Assert.Equal(TestEvents.T0.AddMinutes(3), page.Items[0].Timestamp);
        Assert.Equal("{\"a\":1}", page.Items[0].Before);

        Assert.Equal("home-hero", (await log.QueryAsync(new AuditQuery { Action = AuditActions.Deleted })).Items.Single().EntityKey);
        Assert.Equal(2, (await log.QueryAsync(new AuditQuery { From = TestEvents.T0.AddMinutes(4), To = TestEvents.T0.AddMinutes(11) })).Total);
        Assert.Equal("s1", (await log.QueryAsync(new AuditQuery { EntityType = AuditEntityTypes.Segment, EntityKey = "s1" })).Items.Single().EntityKey);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DefinitionService_EveryChangeIsAuditedInTheDatabase(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = await database.MigratedServicesAsync();
        var definitions = services.GetRequiredService<IDefinitionService>();

        Assert.True((await definitions.SaveSegmentAsync(new SegmentDefinition("fans", "Fans", """{"visits": 2}"""), "ann")).Succeeded);
        Assert.True((await definitions.SaveSegmentAsync(new SegmentDefinition("fans", "Fans!", """{"visits": 3}"""), "bob")).Succeeded);
        Assert.False((await definitions.SaveSegmentAsync(new SegmentDefinition("bad", "Bad", "{"), "bob")).Succeeded);
        Assert.True((await definitions.DeleteSegmentAsync("fans", "cy")).Succeeded);

        var entries = (await services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { EntityKey = "fans" })).Items;
        Assert.Equal([AuditActions.Deleted, AuditActions.Updated, AuditActions.Created], entries.Select(e => e.Action));
        Assert.Equal(["cy", "bob", "ann"], entries.Select(e => e.Actor));
        Assert.Contains("Fans!", entries[1].After, StringComparison.Ordinal);
        Assert.Empty((await services.GetRequiredService<IDefinitionStore>().LoadAsync()).Segments);
    }
}
