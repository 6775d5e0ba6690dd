using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Persistence.Ingestion;

/// <summary>
/// Told by the ingestion worker after profiles were saved (committed), never for an attempt that lost an optimistic
/// race and was re-applied: the place to publish "something changed" notifications exactly once. Called on the
/// worker's thread; a failing listener is logged and does not affect the batch.
/// </summary>
public interface IProfileSaveListener
{
    /// <summary>Called once per save round with the profiles that were saved, as saved.</summary>
    /// <param name="saved">The saved profiles (do not keep or modify them).</param>
    /// <param name="cancellationToken">Stops on shutdown.</param>
    /// <returns>A task that completes when handled.</returns>
    ValueTask OnProfilesSavedAsync(IReadOnlyList<VisitorProfile> saved, CancellationToken cancellationToken);
}
