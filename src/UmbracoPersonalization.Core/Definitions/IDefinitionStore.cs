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
}
