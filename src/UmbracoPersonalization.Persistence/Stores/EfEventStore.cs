using Microsoft.EntityFrameworkCore;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Persistence.Data;
using UmbracoPersonalization.Persistence.Data.Entities;
using UmbracoPersonalization.Persistence.Serialization;

namespace UmbracoPersonalization.Persistence.Stores;

/// <summary>
/// <see cref="IEventStore"/> over EF Core. A batch is written in one transaction with
/// <c>INSERT … ON CONFLICT (Id) DO NOTHING</c>, so an id already stored is skipped by the database.
/// </summary>
public sealed class EfEventStore : IEventStore
{
    private readonly IDbContextFactory<PersonalizationDbContext> _contextFactory;

    /// <summary>Creates the store.</summary>
    public EfEventStore(IDbContextFactory<PersonalizationDbContext> contextFactory)
    {
        _contextFactory = contextFactory ?? throw new ArgumentNullException(nameof(contextFactory));
    }

    /// <inheritdoc />
    public Task AppendAsync(IReadOnlyCollection<VisitorEvent> events, CancellationToken cancellationToken = default) =>
        AppendNewAsync(events, cancellationToken);

    /// <summary>
    /// Appends a batch in one transaction and returns the ids actually inserted (ids already stored, or repeated
    /// in the batch, are skipped), so a caller can apply each event to a profile exactly once.
    /// </summary>
    public async Task<IReadOnlySet<Guid>> AppendNewAsync(IReadOnlyCollection<VisitorEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var inserted = await AppendNewInAsync(db, events, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return inserted;
            }
        }
    }

    /// <summary>A new context of this store's database (the caller disposes it).</summary>
    internal Task<PersonalizationDbContext> CreateContextAsync(CancellationToken cancellationToken) =>
        _contextFactory.CreateDbContextAsync(cancellationToken);

    /// <summary>
    /// <see cref="AppendNewAsync"/> within the caller's context and transaction: nothing is committed here, so the
    /// caller can write more in the same transaction (the ingestion worker writes the batch's profile updates).
    /// </summary>
    internal static Task<HashSet<Guid>> AppendNewInAsync(PersonalizationDbContext db, IReadOnlyCollection<VisitorEvent> events, CancellationToken cancellationToken)
    {
        var rows = new ProjectedRows<VisitorEvent, EventRow>(events as IReadOnlyList<VisitorEvent> ?? [.. events], new EventRowProjector().ToRow);
        return InsertIgnoringConflicts.ExecuteReturningKeysAsync(db, rows, static r => r.Id, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<VisitorEvent>> GetByVisitorAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visitorId);
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.Events.AsNoTracking()
                .Where(e => e.VisitorId == visitorId)
                .OrderBy(e => e.Timestamp)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.ConvertAll(EventDataSerializer.FromRow);
        }
    }

    /// <inheritdoc />
    public async Task<int> DeleteByVisitorAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visitorId);
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.Events.Where(e => e.VisitorId == visitorId)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
