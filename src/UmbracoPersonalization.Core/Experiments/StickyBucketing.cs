using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Experiments;

/// <summary>
/// Loading and saving a visitor's sticky buckets around a (pure, in-memory) evaluation: load the documents for the
/// attributes experiments hash on, evaluate, then save what changed.
/// </summary>
public static class StickyBucketing
{
    /// <summary>Gets the attributes that sticky buckets are keyed on: every experiment's hash and fallback attribute.</summary>
    /// <param name="features">The features (experiment rules count).</param>
    /// <param name="experiments">Stand-alone experiments, if any.</param>
    /// <returns>The attribute names.</returns>
    public static IReadOnlyCollection<string> GetIdentifierAttributes(
        IEnumerable<FeatureDefinition> features, IEnumerable<ExperimentDefinition>? experiments = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in features.SelectMany(feature => feature.Rules).Where(rule => rule.Variations is not null))
        {
            Add(names, rule.HashAttribute, rule.FallbackAttribute);
        }

        foreach (var experiment in experiments ?? [])
        {
            Add(names, experiment.HashAttribute, experiment.FallbackAttribute);
        }

        return names;
    }

    /// <summary>Loads a visitor's documents for the given attributes (skipping attributes the visitor lacks).</summary>
    /// <param name="service">The store.</param>
    /// <param name="attributes">The visitor's attributes.</param>
    /// <param name="attributeNames">Names from <see cref="GetIdentifierAttributes"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The visitor's sticky buckets, to set on <see cref="EvaluationContext.StickyBuckets"/>.</returns>
    public static async Task<StickyBucketAssignments> LoadAsync(
        IStickyBucketService service, IAttributeSource attributes, IEnumerable<string> attributeNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(attributeNames);
        var context = new EvaluationContext { Attributes = attributes };
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in attributeNames)
        {
            var (_, value) = HashAttributes.Get(context, name, null);
            var text = HashAttributes.ToStickyString(value);
            if (text.Length > 0)
            {
                values[name] = text;
            }
        }

        var documents = await service.GetAllAssignmentsAsync(values, cancellationToken).ConfigureAwait(false);
        return new StickyBucketAssignments(documents.Values);
    }

    /// <summary>Saves the changed documents, then forgets the changes.</summary>
    /// <param name="service">The store.</param>
    /// <param name="assignments">The visitor's sticky buckets after evaluation.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public static async Task SaveChangesAsync(IStickyBucketService service, StickyBucketAssignments assignments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(assignments);
        foreach (var document in assignments.ChangedDocuments.ToArray())
        {
            await service.SaveAssignmentsAsync(document, cancellationToken).ConfigureAwait(false);
        }

        assignments.AcceptChanges();
    }

    /// <summary>GrowthBook's experiment key in a document: <c>key__bucketVersion</c>.</summary>
    internal static string ExperimentKey(string experimentKey, int? bucketVersion) => $"{experimentKey}__{bucketVersion ?? 0}";

    /// <summary>Finds a stored variation; <c>Blocked</c> when the visitor has a bucket older than MinBucketVersion.</summary>
    internal static (int Variation, bool Blocked) FindVariation(EvaluationContext context, ExperimentDefinition experiment)
    {
        var stored = MergedAssignments(context, experiment);
        var minimum = experiment.MinBucketVersion ?? 0;
        for (var version = 0; version < minimum; version++)
        {
            if (stored.ContainsKey(ExperimentKey(experiment.Key, version)))
            {
                return (-1, true);
            }
        }

        if (!stored.TryGetValue(ExperimentKey(experiment.Key, experiment.BucketVersion), out var variationKey) || experiment.Meta is not { } meta)
        {
            return (-1, false);
        }

        for (var i = 0; i < meta.Count; i++)
        {
            if (meta[i].Key == variationKey)
            {
                return (i, false);
            }
        }

        // An unknown variation key (e.g. variations changed) counts as no assignment.
        return (-1, false);
    }

    /// <summary>The fallback attribute's document, overridden by the hash attribute's document.</summary>
    private static Dictionary<string, string> MergedAssignments(EvaluationContext context, ExperimentDefinition experiment)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        var buckets = context.StickyBuckets!;
        var (hashAttribute, hashValue) = HashAttributes.Get(context, experiment.HashAttribute, null);
        var (fallbackAttribute, fallbackValue) = HashAttributes.Get(context, experiment.FallbackAttribute, null);
        var fallbackText = HashAttributes.ToStickyString(fallbackValue);
        if (fallbackText.Length > 0 && buckets.GetAssignments(StickyBucketAssignments.GetKey(fallbackAttribute, fallbackText)) is { } fallbackDoc)
        {
            foreach (var (key, value) in fallbackDoc)
            {
                merged[key] = value;
            }
        }

        if (buckets.GetAssignments(StickyBucketAssignments.GetKey(hashAttribute, HashAttributes.ToStickyString(hashValue))) is { } hashDoc)
        {
            foreach (var (key, value) in hashDoc)
            {
                merged[key] = value;
            }
        }

        return merged;
    }

    private static void Add(HashSet<string> names, string? hashAttribute, string? fallbackAttribute)
    {
        names.Add(string.IsNullOrEmpty(hashAttribute) ? "id" : hashAttribute);
        if (!string.IsNullOrEmpty(fallbackAttribute))
        {
            names.Add(fallbackAttribute);
        }
    }
}
