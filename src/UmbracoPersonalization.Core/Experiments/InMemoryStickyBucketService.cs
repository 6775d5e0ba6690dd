using System.Collections.Concurrent;

namespace UmbracoPersonalization.Core.Experiments;

/// <summary>A process-local <see cref="IStickyBucketService"/>, for tests and single-instance demos.</summary>
public sealed class InMemoryStickyBucketService : IStickyBucketService
{
    private readonly ConcurrentDictionary<string, StickyAssignmentsDocument> _documents = new(StringComparer.Ordinal);

    /// <summary>Gets every stored document by key.</summary>
    public IReadOnlyDictionary<string, StickyAssignmentsDocument> Documents => _documents;

    /// <inheritdoc />
    public Task<StickyAssignmentsDocument?> GetAssignmentsAsync(string attributeName, string attributeValue, CancellationToken cancellationToken = default) =>
        Task.FromResult(_documents.TryGetValue(StickyBucketAssignments.GetKey(attributeName, attributeValue), out var document) ? document : null);

    /// <inheritdoc />
    public Task SaveAssignmentsAsync(StickyAssignmentsDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        _documents[document.Key] = document;
        return Task.CompletedTask;
    }
}
