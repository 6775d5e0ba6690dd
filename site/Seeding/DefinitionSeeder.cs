using UmbracoPersonalization.Core.Definitions;

namespace UmbracoPersonalization.Site.Seeding;

/// <summary>Saves <see cref="SeedDefinitions"/> on start-up when the definition store holds nothing yet.</summary>
internal sealed class DefinitionSeeder(IDefinitionStore store, ILogger<DefinitionSeeder> logger) : IHostedService
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

        logger.LogInformation(
            "Seeded {Segments} demo segments and {Experiences} experiences",
            SeedDefinitions.Segments.Count,
            SeedDefinitions.Experiences.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
