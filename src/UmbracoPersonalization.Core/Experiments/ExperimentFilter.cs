namespace UmbracoPersonalization.Core.Experiments;

/// <summary>
/// Includes only visitors whose hash (of <see cref="Attribute"/> with <see cref="Seed"/>) falls in one of the ranges;
/// GrowthBook's successor to namespaces.
/// </summary>
public sealed class ExperimentFilter
{
    /// <summary>Gets the attribute hashed; <c>id</c> when null.</summary>
    public string? Attribute { get; init; }

    /// <summary>Gets the hash seed.</summary>
    public required string Seed { get; init; }

    /// <summary>Gets the hash version; 2 when null.</summary>
    public int? HashVersion { get; init; }

    /// <summary>Gets the ranges that are included.</summary>
    public required IReadOnlyList<BucketRange> Ranges { get; init; }
}
