namespace UmbracoPersonalization.Core.Catalogue;

/// <summary>Storage of the content catalogue (implemented in Persistence).</summary>
public interface IContentCatalogueStore
{
    /// <summary>Adds or replaces items, in one transaction.</summary>
    /// <param name="items">The items.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when written.</returns>
    Task UpsertAsync(IReadOnlyCollection<CatalogueItem> items, CancellationToken cancellationToken = default);

    /// <summary>Removes items (unknown keys are ignored).</summary>
    /// <param name="keys">The content keys.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many were removed.</returns>
    Task<int> RemoveAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken = default);

    /// <summary>One item, or <c>null</c>.</summary>
    /// <param name="key">The content key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The item.</returns>
    Task<CatalogueItem?> GetAsync(Guid key, CancellationToken cancellationToken = default);

    /// <summary>Every key in the catalogue (for a rebuild to remove what is no longer published).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The keys.</returns>
    Task<IReadOnlyCollection<Guid>> GetKeysAsync(CancellationToken cancellationToken = default);
}
