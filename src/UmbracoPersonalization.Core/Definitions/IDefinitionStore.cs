using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;

namespace UmbracoPersonalization.Core.Definitions;

/// <summary>Where editor-made definitions are kept.</summary>
public interface IDefinitionStore
{
    /// <summary>Loads every definition, with the current version.</summary>
    Task<DefinitionSet> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The current definitions version alone, so hosts can poll cheaply for changes. Stores that can answer without
    /// loading everything should override this; the default loads the whole set.
    /// </summary>
    async Task<long> GetVersionAsync(CancellationToken cancellationToken = default) =>
        (await LoadAsync(cancellationToken).ConfigureAwait(false)).Version;

    /// <summary>Creates or replaces a segment by alias.</summary>
    Task SaveSegmentAsync(SegmentDefinition segment, CancellationToken cancellationToken = default);

    /// <summary>Deletes a segment; returns whether it existed.</summary>
    Task<bool> DeleteSegmentAsync(string alias, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces an experience by placement.</summary>
    Task SaveExperienceAsync(ExperienceDefinition experience, CancellationToken cancellationToken = default);

    /// <summary>Deletes an experience; returns whether it existed.</summary>
    Task<bool> DeleteExperienceAsync(string placement, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="SaveSegmentAsync"/> only while the definitions are still at <paramref name="expectedVersion"/> (the
    /// version the change was validated against); <c>false</c>, with nothing written, when another change came first.
    /// Stores without a shared version write unconditionally (this default).
    /// </summary>
    async Task<bool> TrySaveSegmentAsync(SegmentDefinition segment, long expectedVersion, CancellationToken cancellationToken = default)
    {
        await SaveSegmentAsync(segment, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary><see cref="DeleteSegmentAsync"/> only at <paramref name="expectedVersion"/>; <c>false</c> when another change came first or nothing was deleted.</summary>
    Task<bool> TryDeleteSegmentAsync(string alias, long expectedVersion, CancellationToken cancellationToken = default) =>
        DeleteSegmentAsync(alias, cancellationToken);

    /// <summary><see cref="SaveExperienceAsync"/> only at <paramref name="expectedVersion"/>; <c>false</c> when another change came first.</summary>
    async Task<bool> TrySaveExperienceAsync(ExperienceDefinition experience, long expectedVersion, CancellationToken cancellationToken = default)
    {
        await SaveExperienceAsync(experience, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary><see cref="DeleteExperienceAsync"/> only at <paramref name="expectedVersion"/>; <c>false</c> when another change came first or nothing was deleted.</summary>
    Task<bool> TryDeleteExperienceAsync(string placement, long expectedVersion, CancellationToken cancellationToken = default) =>
        DeleteExperienceAsync(placement, cancellationToken);
}
