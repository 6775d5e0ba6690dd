namespace UmbracoPersonalization.Core.Experiments;

/// <summary>
/// One visitor's sticky-bucket documents for one evaluation: loaded before (see <see cref="StickyBucketing"/>),
/// read and updated in memory while experiments run (no I/O on the hot path), changed documents saved after.
/// Setting it on <see cref="EvaluationContext.StickyBuckets"/> turns sticky bucketing on. Not thread-safe.
/// </summary>
public sealed class StickyBucketAssignments
{
    private readonly Dictionary<string, StickyAssignmentsDocument> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StickyAssignmentsDocument> _changed = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="StickyBucketAssignments"/> class.</summary>
    /// <param name="documents">The documents loaded for the visitor.</param>
    public StickyBucketAssignments(IEnumerable<StickyAssignmentsDocument>? documents = null)
    {
        foreach (var document in documents ?? [])
        {
            _documents[document.Key] = document;
        }
    }

    /// <summary>Gets the documents by key (<c>attributeName||attributeValue</c>).</summary>
    public IReadOnlyDictionary<string, StickyAssignmentsDocument> Documents => _documents;

    /// <summary>Gets the documents changed since loading (or since <see cref="AcceptChanges"/>), to persist.</summary>
    public IReadOnlyCollection<StickyAssignmentsDocument> ChangedDocuments => _changed.Values;

    /// <summary>Builds a document key.</summary>
    /// <param name="attributeName">The attribute name.</param>
    /// <param name="attributeValue">The attribute value as text.</param>
    /// <returns><c>attributeName||attributeValue</c>.</returns>
    public static string GetKey(string attributeName, string attributeValue) => $"{attributeName}||{attributeValue}";

    /// <summary>Forgets the change list, e.g. after saving.</summary>
    public void AcceptChanges() => _changed.Clear();

    internal IReadOnlyDictionary<string, string>? GetAssignments(string key) =>
        _documents.TryGetValue(key, out var document) ? document.Assignments : null;

    /// <summary>Merges an assignment into a document; records the document as changed only if it differs.</summary>
    internal void Assign(string attributeName, string attributeValue, string experimentKey, string variationKey)
    {
        var key = GetKey(attributeName, attributeValue);
        var existing = GetAssignments(key);
        if (existing is not null && existing.TryGetValue(experimentKey, out var current) && current == variationKey)
        {
            return;
        }

        var assignments = existing is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(existing, StringComparer.Ordinal);
        assignments[experimentKey] = variationKey;
        var document = new StickyAssignmentsDocument(attributeName, attributeValue, assignments);
        _documents[key] = document;
        _changed[key] = document;
    }
}
