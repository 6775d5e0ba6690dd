namespace UmbracoPersonalization.Persistence.Data.Entities;

/// <summary>A stored experience definition; variants, rules and experiment are JSON.</summary>
public sealed class ExperienceRow
{
    /// <summary>The placement alias (primary key).</summary>
    public required string Placement { get; set; }

    /// <summary>Display name.</summary>
    public required string Name { get; set; }

    /// <summary>The default variant key.</summary>
    public required string DefaultVariantKey { get; set; }

    /// <summary>Whether the experience is enabled.</summary>
    public bool Enabled { get; set; }

    /// <summary>The variants as a JSON array.</summary>
    public required string Variants { get; set; }

    /// <summary>The ordered rules as a JSON array.</summary>
    public required string Rules { get; set; }

    /// <summary>The experiment as a JSON object, or <c>null</c>.</summary>
    public string? Experiment { get; set; }
}
