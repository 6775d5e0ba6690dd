namespace UmbracoPersonalization.Core.Auditing;

/// <summary>
/// One recorded change or data-subject action. Entries about visitors carry no personal data: no visitor id, member
/// key, profile content or IP address, only the action, the moment, who did it and counts.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>Unique id (assigned by the log when empty).</summary>
    public Guid Id { get; init; }

    /// <summary>When it happened (UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Who did it: an editor's name or key, <see cref="AuditActors.Self"/> (the visitor) or <see cref="AuditActors.System"/>.</summary>
    public required string Actor { get; init; }

    /// <summary>What was done, e.g. <see cref="AuditActions.Updated"/> or <see cref="AuditActions.Erased"/>.</summary>
    public required string Action { get; init; }

    /// <summary>What kind of thing it was done to, e.g. <see cref="AuditEntityTypes.Segment"/>.</summary>
    public required string EntityType { get; init; }

    /// <summary>The segment alias or placement; <c>null</c> for visitor data (never a visitor id).</summary>
    public string? EntityKey { get; init; }

    /// <summary>The definition before the change as JSON, or <c>null</c> (creations, visitor data).</summary>
    public string? Before { get; init; }

    /// <summary>The definition after the change as JSON, or counts for a visitor-data action; <c>null</c> for deletions.</summary>
    public string? After { get; init; }
}
