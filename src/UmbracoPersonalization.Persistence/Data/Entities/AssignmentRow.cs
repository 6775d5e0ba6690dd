namespace UmbracoPersonalization.Persistence.Data.Entities;

/// <summary>A stored experiment assignment; the key is visitor + experiment.</summary>
public sealed class AssignmentRow
{
    /// <summary>The visitor.</summary>
    public required string VisitorId { get; set; }

    /// <summary>The experiment key.</summary>
    public required string ExperimentKey { get; set; }

    /// <summary>The assigned arm index.</summary>
    public int Arm { get; set; }

    /// <summary>When the visitor was first assigned.</summary>
    public DateTimeOffset AssignedAt { get; set; }
}
