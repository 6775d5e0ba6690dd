using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Web.Definitions;

namespace UmbracoPersonalization.Site.Seeding;

/// <summary>
/// Saves <see cref="SeedDefinitions"/> on start-up when the definition store holds nothing yet, then reloads the
/// package's snapshot so the first request already sees them. Saves go through <see cref="IDefinitionService"/> as
/// <see cref="Actor"/>, so every seed is validated like an editor's change and appears in the audit log. Runs after
/// the database migrator (a hosted service registered before it).
/// </summary>
/// <param name="store">Read to find out whether anything is stored yet.</param>
/// <param name="definitions">Saves (validates and audits) each seed.</param>
/// <param name="refresher">Reloads the package's definition snapshot.</param>
/// <param name="logger">Logs what was seeded.</param>
public sealed class DefinitionSeeder(
    IDefinitionStore store,
    IDefinitionService definitions,
    IDefinitionRefresher refresher,
    ILogger<DefinitionSeeder> logger)
    : IHostedService
{
    /// <summary>Who the audit log names for seeded definitions.</summary>
    public const string Actor = "seed";

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var current = await store.LoadAsync(cancellationToken);
        if (current.Segments.Count > 0 || current.Experiences.Count > 0)
        {
            return;
        }

        // Segments first: the experiences' rules refer to them and would not validate without them.
        foreach (var segment in SeedDefinitions.Segments)
        {
            Ensure(await definitions.SaveSegmentAsync(segment, Actor, cancellationToken), $"segment '{segment.Alias}'");
        }

        foreach (var experience in SeedDefinitions.Experiences)
        {
            Ensure(await definitions.SaveExperienceAsync(experience, Actor, cancellationToken), $"experience '{experience.Placement}'");
        }

        await refresher.RefreshAsync(cancellationToken);
        logger.LogInformation(
            "Seeded {Segments} demo segments and {Experiences} experiences",
            SeedDefinitions.Segments.Count,
            SeedDefinitions.Experiences.Count);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Ensure(DefinitionChangeResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"The demo {what} could not be seeded ({result.Status}): {result.Error?.Message}", result.Error);
        }
    }
}
