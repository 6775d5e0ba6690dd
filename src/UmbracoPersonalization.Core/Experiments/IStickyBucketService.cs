namespace UmbracoPersonalization.Core.Experiments;

/// <summary>Stores sticky-bucket documents (GrowthBook's StickyBucketService); implemented in Persistence.</summary>
public interface IStickyBucketService
{
    /// <summary>Gets the document for one attribute value.</summary>
    /// <param name="attributeName">The attribute name.</param>
    /// <param name="attributeValue">The attribute value as text.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The document, or null.</returns>
    Task<StickyAssignmentsDocument?> GetAssignmentsAsync(string attributeName, string attributeValue, CancellationToken cancellationToken = default);

    /// <summary>Saves (replaces) a document.</summary>
    /// <param name="document">The document.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    Task SaveAssignmentsAsync(StickyAssignmentsDocument document, CancellationToken cancellationToken = default);

    /// <summary>Gets the documents for several attributes at once; stores override this to batch.</summary>
    /// <param name="attributes">Attribute name to value.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The documents found, by key.</returns>
    async Task<IReadOnlyDictionary<string, StickyAssignmentsDocument>> GetAllAssignmentsAsync(
        IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var documents = new Dictionary<string, StickyAssignmentsDocument>(StringComparer.Ordinal);
        foreach (var (name, value) in attributes)
        {
            if (await GetAssignmentsAsync(name, value, cancellationToken).ConfigureAwait(false) is { } document)
            {
                documents[document.Key] = document;
            }
        }

        return documents;
    }
}
