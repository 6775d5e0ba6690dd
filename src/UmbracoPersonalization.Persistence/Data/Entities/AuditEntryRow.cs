namespace UmbracoPersonalization.Persistence.Data.Entities;

/// <summary>A stored audit entry (append-only).</summary>
public sealed class AuditEntryRow
{
    /// <summary>The entry id (primary key).</summary>
    public Guid Id { get; set; }

    /// <summary>When it happened, in UTC (indexed).</summary>
    public DateTimeOffset Timestamp { get; set; }

    /// <summary>Who did it.</summary>
    public required string Actor { get; set; }

    /// <summary>What was done.</summary>
    public required string Action { get; set; }

    /// <summary>The kind of entity.</summary>
    public required string EntityType { get; set; }

    /// <summary>The entity key (segment alias, placement); never a visitor id.</summary>
    public string? EntityKey { get; set; }

    /// <summary>JSON before the change.</summary>
    public string? Before { get; set; }

    /// <summary>JSON after the change, or counts.</summary>
    public string? After { get; set; }
}
