namespace UmbracoPersonalization.Core.Experiments;

/// <summary>Per-variation metadata.</summary>
public sealed class VariationMeta
{
    /// <summary>Gets the stable variation key (reported and stored in sticky buckets); the index when null.</summary>
    public string? Key { get; init; }

    /// <summary>Gets the display name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets a value indicating whether visitors assigned here fall through to the next rule (holdouts).</summary>
    public bool Passthrough { get; init; }
}
