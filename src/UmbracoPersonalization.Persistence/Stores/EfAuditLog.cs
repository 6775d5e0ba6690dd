using Microsoft.EntityFrameworkCore;
using UmbracoPersonalization.Core.Auditing;
using UmbracoPersonalization.Persistence.Data;
using UmbracoPersonalization.Persistence.Data.Entities;

namespace UmbracoPersonalization.Persistence.Stores;

/// <summary><see cref="IAuditLog"/> over EF Core: one row per entry in <c>upPersonalizationAudit</c>.</summary>
public sealed class EfAuditLog : IAuditLog
{
    private readonly IDbContextFactory<PersonalizationDbContext> _contextFactory;

    /// <summary>Creates the log.</summary>
    public EfAuditLog(IDbContextFactory<PersonalizationDbContext> contextFactory)
    {
        _contextFactory = contextFactory ?? throw new ArgumentNullException(nameof(contextFactory));
    }

    /// <inheritdoc />
    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            db.AuditEntries.Add(new AuditEntryRow
            {
                Id = entry.Id == Guid.Empty ? Guid.CreateVersion7(entry.Timestamp) : entry.Id,
                Timestamp = entry.Timestamp,
                Actor = Cut(entry.Actor, 256),
                Action = Cut(entry.Action, 64),
                EntityType = Cut(entry.EntityType, 64),
                EntityKey = entry.EntityKey is null ? null : Cut(entry.EntityKey, PersonalizationDbContext.KeyMaxLength),
                Before = entry.Before,
                After = entry.After,
            });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = db.AuditEntries.AsNoTracking();
            if (query.EntityType is { } type)
            {
                rows = rows.Where(e => e.EntityType == type);
            }

            if (query.EntityKey is { } key)
            {
                rows = rows.Where(e => e.EntityKey == key);
            }

            if (query.Action is { } action)
            {
                rows = rows.Where(e => e.Action == action);
            }

            if (query.Actor is { } actor)
            {
                rows = rows.Where(e => e.Actor == actor);
            }

            if (query.From is { } from)
            {
                rows = rows.Where(e => e.Timestamp >= from);
            }

            if (query.To is { } to)
            {
                rows = rows.Where(e => e.Timestamp < to);
            }

            var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
            var page = await rows
                .OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.Id)
                .Skip(Math.Max(0, query.Skip))
                .Take(Math.Clamp(query.Take, 1, AuditQuery.MaxPageSize))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return new AuditPage(
                page.ConvertAll(r => new AuditEntry
                {
                    Id = r.Id,
                    Timestamp = r.Timestamp,
                    Actor = r.Actor,
                    Action = r.Action,
                    EntityType = r.EntityType,
                    EntityKey = r.EntityKey,
                    Before = r.Before,
                    After = r.After,
                }),
                total);
        }
    }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];
}
