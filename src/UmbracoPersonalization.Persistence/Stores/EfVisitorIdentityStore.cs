using Microsoft.EntityFrameworkCore;
using UmbracoPersonalization.Core.Identity;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Data;
using UmbracoPersonalization.Persistence.Data.Entities;
using UmbracoPersonalization.Persistence.Serialization;

namespace UmbracoPersonalization.Persistence.Stores;

/// <summary><see cref="IVisitorIdentityStore"/> over EF Core (member key is an indexed column of the profile table).</summary>
public sealed class EfVisitorIdentityStore : IVisitorIdentityStore
{
    private readonly IDbContextFactory<PersonalizationDbContext> _contextFactory;

    /// <summary>Creates the store.</summary>
    public EfVisitorIdentityStore(IDbContextFactory<PersonalizationDbContext> contextFactory)
    {
        _contextFactory = contextFactory ?? throw new ArgumentNullException(nameof(contextFactory));
    }

    /// <inheritdoc />
    public async Task<VisitorProfile?> FindByMemberKeyAsync(string memberKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(memberKey);
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.Profiles.AsNoTracking()
                .Where(p => p.MemberKey == memberKey)
                .Take(32)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows
                .Select(r =>
                {
                    var profile = ProfileSerializer.Deserialize(r.VisitorId, r.Version, r.Body);
                    profile.MemberKey = r.MemberKey;
                    return profile;
                })
                .OrderBy(p => p.Visits == 0 ? DateTimeOffset.MaxValue : p.FirstSeen)
                .ThenBy(p => p.VisitorId, StringComparer.Ordinal)
                .FirstOrDefault();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> GetVisitorIdsByMemberKeyAsync(string memberKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(memberKey);
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.Profiles.AsNoTracking()
                .Where(p => p.MemberKey == memberKey)
                .OrderBy(p => p.VisitorId)
                .Select(p => p.VisitorId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<VisitorRekeyResult> RekeyAsync(string fromVisitorId, string toVisitorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fromVisitorId);
        ArgumentNullException.ThrowIfNull(toVisitorId);
        if (string.Equals(fromVisitorId, toVisitorId, StringComparison.Ordinal))
        {
            return default;
        }

        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var events = await db.Events.Where(e => e.VisitorId == fromVisitorId)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.VisitorId, toVisitorId), cancellationToken).ConfigureAwait(false);

                // Assignments are keyed by (visitor, experiment): the target's arm wins, the rest are moved.
                var targetExperiments = db.Assignments.Where(a => a.VisitorId == toVisitorId).Select(a => a.ExperimentKey);
                var dropped = await db.Assignments
                    .Where(a => a.VisitorId == fromVisitorId && targetExperiments.Contains(a.ExperimentKey))
                    .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                var moving = await db.Assignments.AsNoTracking()
                    .Where(a => a.VisitorId == fromVisitorId)
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                var moved = moving.ConvertAll(a => new AssignmentRow
                {
                    VisitorId = toVisitorId,
                    ExperimentKey = a.ExperimentKey,
                    Arm = a.Arm,
                    AssignedAt = a.AssignedAt,
                });
                await InsertIgnoringConflicts.ExecuteAsync(db, moved, cancellationToken).ConfigureAwait(false);
                await db.Assignments.Where(a => a.VisitorId == fromVisitorId)
                    .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new VisitorRekeyResult(events, moved.Count, dropped);
            }
        }
    }
}
