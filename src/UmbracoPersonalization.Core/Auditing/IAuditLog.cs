namespace UmbracoPersonalization.Core.Auditing;

/// <summary>Where audit entries are kept: append-only and queryable.</summary>
public interface IAuditLog
{
    /// <summary>Appends an entry.</summary>
    Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>A page of entries matching <paramref name="query"/>, newest first.</summary>
    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
