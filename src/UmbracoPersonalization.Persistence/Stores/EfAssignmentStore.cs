using Microsoft.EntityFrameworkCore;
using UmbracoPersonalization.Core.Experiments;
using UmbracoPersonalization.Persistence.Data;
using UmbracoPersonalization.Persistence.Data.Entities;

namespace UmbracoPersonalization.Persistence.Stores;

/// <summary>
/// <see cref="IAssignmentStore"/> over EF Core. First assignment wins, decided by the database
/// (<c>ON CONFLICT DO NOTHING</c>), so two instances racing for one visitor keep the same arm.
/// </summary>
public sealed class EfAssignmentStore : IAssignmentStore
{
    private readonly IDbContextFactory<PersonalizationDbContext> _contextFactory;

    /// <summary>Creates the store.</summary>
    public EfAssignmentStore(IDbContextFactory<PersonalizationDbContext> contextFactory)
    {
        _contextFactory = contextFactory ?? throw new ArgumentNullException(nameof(contextFactory));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<VisitorAssignment>> GetByVisitorAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visitorId);
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.Assignments.AsNoTracking()
                .Where(a => a.VisitorId == visitorId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows
                .OrderBy(a => a.ExperimentKey, StringComparer.Ordinal)
                .Select(a => new VisitorAssignment(a.VisitorId, a.ExperimentKey, a.Arm, a.AssignedAt))
                .ToList();
        }
    }

    /// <inheritdoc />
    public async Task SaveAsync(VisitorAssignment assignment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var row = new AssignmentRow
        {
            VisitorId = assignment.VisitorId,
            ExperimentKey = assignment.ExperimentKey,
            Arm = assignment.Arm,
            AssignedAt = assignment.AssignedAt,
        };
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await InsertIgnoringConflicts.ExecuteAsync(db, [row], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<int> DeleteByVisitorAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visitorId);
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.Assignments.Where(a => a.VisitorId == visitorId)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
