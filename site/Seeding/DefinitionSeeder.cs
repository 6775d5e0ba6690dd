using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Web.Definitions;

namespace UmbracoPersonalization.Site.Seeding;

/// <summary>
/// Saves <see cref="SeedDefinitions"/> on start-up when the definition store holds nothing yet, then reloads the
/// package's snapshot so the first request already sees them. Runs after the database migrator (a hosted service
/// registered before it).
/// </summary>
internal sealed class DefinitionSeeder(IDefinitionStore store, IDefinitionRefresher refresher, ILogger<DefinitionSeeder> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var current = await store.LoadAsync(cancellationToken);
        if (current.Segments.Count > 0 || current.Experiences.Count > 0)
        {
            return;
        }

        foreach (var segment in SeedDefinitions.Segments)
        {
            await store.SaveSegmentAsync(segment, cancellationToken);
        }

        foreach (var experience in SeedDefinitions.Experiences)
        {
            await store.SaveExperienceAsync(experience, cancellationToken);
        }

        await refresher.RefreshAsync(cancellationToken);
        logger.LogInformation(
            "Seeded {Segments} demo segments and {Experiences} experiences",
            SeedDefinitions.Segments.Count,
            SeedDefinitions.Experiences.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
