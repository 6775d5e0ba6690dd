namespace UmbracoPersonalization.Core.Auditing;

/// <summary>A filter over the audit log, newest first.</summary>
public sealed record AuditQuery
{
    /// <summary>The largest page size.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Only this entity type.</summary>
    public string? EntityType { get; init; }

    /// <summary>Only this entity key (e.g. a segment alias).</summary>
    public string? EntityKey { get; init; }

    /// <summary>Only this action.</summary>
    public string? Action { get; init; }

    /// <summary>Only this actor.</summary>
    public string? Actor { get; init; }

    /// <summary>Only entries at or after this moment.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only entries before this moment.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Entries to skip (0-based page × page size).</summary>
    public int Skip { get; init; }

    /// <summary>Entries per page (1–<see cref="MaxPageSize"/>). Default 50.</summary>
    public int Take { get; init; } = 50;
}
