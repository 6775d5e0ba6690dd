using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Auditing;
using UmbracoPersonalization.Core.Privacy;
using UmbracoPersonalization.Persistence.Caching;
using UmbracoPersonalization.Persistence.Data;

namespace UmbracoPersonalization.Persistence.Retention;

/// <summary>
/// Deletes what <see cref="RetentionOptions"/> says has expired, in batches of <see cref="RetentionOptions.BatchSize"/>
/// rows per statement (<c>ExecuteDelete</c> on a keyed subquery, each its own short transaction), pausing between
/// batches, so the site's own queries never wait long behind it:
/// events older than <see cref="RetentionOptions.EventRetention"/>; profiles not seen for
/// <see cref="RetentionOptions.InactiveProfileRetention"/> with their events and assignments; assignments of visitors
/// without a profile once they are that old; audit entries older than <see cref="RetentionOptions.AuditRetention"/>.
/// A purge that deleted anything is audited (counts only, actor <c>system</c>).
/// </summary>
public sealed partial class RetentionPurger
{
    private readonly IDbContextFactory<PersonalizationDbContext> _contextFactory;
    private readonly IOptionsMonitor<RetentionOptions> _options;
    private readonly TimeProvider _time;
    private readonly IAuditLog? _audit;
    private readonly ILogger<RetentionPurger> _logger;
    private readonly ProfileCache? _profileCache;

    /// <summary>Creates the purger; purged profiles are dropped from <paramref name="profileCache"/> when one is given.</summary>
    public RetentionPurger(
        IDbContextFactory<PersonalizationDbContext> contextFactory,
        IOptionsMonitor<RetentionOptions> options,
        TimeProvider time,
        ILogger<RetentionPurger> logger,
        IAuditLog? audit = null,
        ProfileCache? profileCache = null)
    {
        _profileCache = profileCache;
        _contextFactory = contextFactory ?? throw new ArgumentNullException(nameof(contextFactory));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _audit = audit;
    }

    /// <summary>Runs one purge now.</summary>
    public async Task<RetentionPurgeResult> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var options = _options.CurrentValue;
        var now = _time.GetUtcNow();
        var batch = options.BatchSize;
        var eventCutoff = now - options.EventRetention;
        var profileCutoff = now - options.InactiveProfileRetention;

        var events = await RepeatAsync(
            db => db.Events.Where(e => db.Events.Where(x => x.Timestamp < eventCutoff).OrderBy(x => x.Timestamp).Take(batch).Select(x => x.Id).Contains(e.Id))
                .ExecuteDeleteAsync(cancellationToken),
            batch, options, cancellationToken).ConfigureAwait(false);

        int profiles = 0, assignments = 0;
        while (true)
        {
            var (deletedProfiles, deletedEvents, deletedAssignments, more) = await PurgeInactiveProfilesAsync(profileCutoff, batch, cancellationToken).ConfigureAwait(false);
            profiles += deletedProfiles;
            events += deletedEvents;
            assignments += deletedAssignments;
            if (!more)
            {
                break;
            }

            await PauseAsync(options, cancellationToken).ConfigureAwait(false);
        }

        assignments += await RepeatAsync(
            db => db.Assignments
                .Where(a => a.AssignedAt < profileCutoff && !db.Profiles.Any(p => p.VisitorId == a.VisitorId))
                .OrderBy(a => a.AssignedAt).Take(batch)
                .ExecuteDeleteAsync(cancellationToken),
            batch, options, cancellationToken).ConfigureAwait(false);

        var audits = 0;
        if (options.AuditRetention is { } auditRetention)
        {
            var auditCutoff = now - auditRetention;
            audits = await RepeatAsync(
                db => db.AuditEntries.Where(e => db.AuditEntries.Where(x => x.Timestamp < auditCutoff).OrderBy(x => x.Timestamp).Take(batch).Select(x => x.Id).Contains(e.Id))
                    .ExecuteDeleteAsync(cancellationToken),
                batch, options, cancellationToken).ConfigureAwait(false);
        }

        var result = new RetentionPurgeResult(events, profiles, assignments, audits);
        if (result.Any)
        {
            LogPurged(_logger, events, profiles, assignments, audits);
            if (_audit is not null)
            {
                await _audit.WriteAsync(
                    new AuditEntry
                    {
                        Timestamp = now,
                        Actor = AuditActors.System,
                        Action = AuditActions.Purged,
                        EntityType = AuditEntityTypes.VisitorData,
                        After = JsonSerializer.Serialize(new Dictionary<string, int>
                        {
                            ["events"] = events,
                            ["profiles"] = profiles,
                            ["assignments"] = assignments,
                            ["auditEntries"] = audits,
                        }),
                    },
                    cancellationToken).ConfigureAwait(false);
            }
        }

        return result;
    }

    private async Task<(int Profiles, int Events, int Assignments, bool More)> PurgeInactiveProfilesAsync(DateTimeOffset cutoff, int batch, CancellationToken cancellationToken)
    {
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var ids = await db.Profiles.AsNoTracking()
                .Where(p => p.LastSeen < cutoff)
                .OrderBy(p => p.LastSeen)
                .Take(batch)
                .Select(p => p.VisitorId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (ids.Count == 0)
            {
                return (0, 0, 0, false);
            }

            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // Re-checked in the delete: a visitor who came back since the select keeps their profile.
                var deleted = await db.Profiles.Where(p => ids.Contains(p.VisitorId) && p.LastSeen < cutoff)
                    .Select(p => p.VisitorId).ToListAsync(cancellationToken).ConfigureAwait(false);
                var profiles = await db.Profiles.Where(p => deleted.Contains(p.VisitorId) && p.LastSeen < cutoff)
                    .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                // Only where the profile is gone: on PostgreSQL a batch committed between the two statements above can
                // bring a visitor back (the profile delete then keeps the profile), and their events stay with it.
                var events = await db.Events.Where(e => deleted.Contains(e.VisitorId) && !db.Profiles.Any(p => p.VisitorId == e.VisitorId))
                    .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                var assignments = await db.Assignments.Where(a => deleted.Contains(a.VisitorId) && !db.Profiles.Any(p => p.VisitorId == a.VisitorId))
                    .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                foreach (var visitorId in deleted)
                {
                    _profileCache?.Invalidate(visitorId); // rows deleted here bypass EfProfileStore
                }

                return (profiles, events, assignments, ids.Count == batch);
            }
        }
    }

    private async Task<int> RepeatAsync(
        Func<PersonalizationDbContext, Task<int>> deleteBatch, int batch, RetentionOptions options, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            int deleted;
            var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                deleted = await deleteBatch(db).ConfigureAwait(false);
            }

            total += deleted;
            if (deleted < batch)
            {
                return total;
            }

            await PauseAsync(options, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task PauseAsync(RetentionOptions options, CancellationToken cancellationToken) =>
        options.PauseBetweenBatches <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(options.PauseBetweenBatches, _time, cancellationToken);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Retention purge deleted {Events} events, {Profiles} inactive profiles, {Assignments} assignments and {AuditEntries} audit entries.")]
    private static partial void LogPurged(ILogger logger, int events, int profiles, int assignments, int auditEntries);
}
