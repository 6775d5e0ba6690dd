using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Core.Auditing;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Site.Seeding;
using UmbracoPersonalization.Site.Tests.Infrastructure;

namespace UmbracoPersonalization.Site.Tests.Seeding;

/// <summary>The seeder saves through the package's definition service: validated, audited, only into an empty store.</summary>
public sealed class DefinitionSeederTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task FirstStart_SeedsThroughTheDefinitionService_AuditedAsSeed_AndARestartSeedsNothingMore()
    {
        var expected = SeedDefinitions.Segments.Count + SeedDefinitions.Experiences.Count;

        await using (var site = new SiteFactory(_data.Path))
        {
            var audit = await SeedAuditAsync(site);

            Assert.Equal(expected, audit.Total);
            Assert.All(audit.Items, e => Assert.Equal(AuditActions.Created, e.Action));
            Assert.Contains(audit.Items, e => e.EntityType == AuditEntityTypes.Segment && e.EntityKey == "bikes-fans" && e.After is not null);
            Assert.Contains(audit.Items, e => e.EntityType == AuditEntityTypes.Experience && e.EntityKey == "home-hero");
            var stored = await site.Services.GetRequiredService<IDefinitionStore>().LoadAsync();
            Assert.Equal(SeedDefinitions.Segments.Count, stored.Segments.Count);
        }

        await using (var restarted = new SiteFactory(_data.Path))
        {
            Assert.Equal(expected, (await SeedAuditAsync(restarted)).Total);
        }
    }

    private static Task<AuditPage> SeedAuditAsync(SiteFactory site) =>
        site.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Actor = DefinitionSeeder.Actor, Take = AuditQuery.MaxPageSize });

    public void Dispose() => _data.Dispose();
}
