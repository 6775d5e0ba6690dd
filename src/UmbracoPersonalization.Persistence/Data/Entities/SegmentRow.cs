namespace UmbracoPersonalization.Persistence.Data.Entities;

/// <summary>A stored segment definition.</summary>
public sealed class SegmentRow
{
    /// <summary>The segment alias (primary key).</summary>
    public required string Alias { get; set; }

    /// <summary>Display name.</summary>
    public required string Name { get; set; }

    /// <summary>The condition JSON, as the editor saved it.</summary>
    public required string Condition { get; set; }

    /// <summary>Priority among segments.</summary>
    public int Priority { get; set; }

    /// <summary>Optional description.</summary>
    public string? Description { get; set; }
}
