namespace UmbracoPersonalization.Core.Auditing;

/// <summary>An <see cref="IAuditLog"/> in memory, for hosts without a database and for tests. Lost on restart.</summary>
public sealed class InMemoryAuditLog : IAuditLog
{
    private readonly List<AuditEntry> _entries = [];
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            _entries.Add(entry.Id == Guid.Empty ? entry with { Id = Guid.CreateVersion7(entry.Timestamp) } : entry);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_lock)
        {
            var matching = _entries
                .Where(e => query.EntityType is null || e.EntityType == query.EntityType)
                .Where(e => query.EntityKey is null || e.EntityKey == query.EntityKey)
                .Where(e => query.Action is null || e.Action == query.Action)
                .Where(e => query.Actor is null || e.Actor == query.Actor)
                .Where(e => query.From is null || e.Timestamp >= query.From)
                .Where(e => query.To is null || e.Timestamp < query.To)
                .OrderByDescending(e => e.Timestamp)
                .ThenByDescending(e => e.Id)
                .ToList();
            var take = Math.Clamp(query.Take, 1, AuditQuery.MaxPageSize);
            return Task.FromResult(new AuditPage([.. matching.Skip(Math.Max(0, query.Skip)).Take(take)], matching.Count));
        }
    }
}
