namespace UmbracoPersonalization.Persistence.Data.Entities;

/// <summary>A stored visitor event: queryable columns plus the remaining fields as JSON.</summary>
public sealed class EventRow
{
    /// <summary>The event id (primary key; the idempotency key).</summary>
    public Guid Id { get; set; }

    /// <summary>The visitor (indexed).</summary>
    public required string VisitorId { get; set; }

    /// <summary>The <see cref="Core.Events.VisitorEventType"/> as a number.</summary>
    public int Type { get; set; }

    /// <summary>When it happened, in UTC (indexed).</summary>
    public DateTimeOffset Timestamp { get; set; }

    /// <summary>Goal, placement or custom event name.</summary>
    public string? Name { get; set; }

    /// <summary>The page URL.</summary>
    public string? Url { get; set; }

    /// <summary>The other fields as JSON, written by <see cref="Serialization.EventDataSerializer"/>.</summary>
    public required string Data { get; set; }
}
