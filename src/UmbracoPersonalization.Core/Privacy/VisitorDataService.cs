using System.Text.Json;
using System.Text.Json.Nodes;
using UmbracoPersonalization.Core.Auditing;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Experiments;
using UmbracoPersonalization.Core.Identity;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Privacy;

/// <summary>
/// <see cref="IVisitorDataService"/> over the profile, event and assignment stores plus every registered
/// <see cref="IVisitorDataContributor"/>. A member subject covers every profile carrying the member key and every
/// visitor id merged into those profiles.
/// </summary>
public sealed class VisitorDataService : IVisitorDataService
{
    private readonly IProfileStore _profiles;
    private readonly IEventStore _events;
    private readonly IAssignmentStore _assignments;
    private readonly IVisitorIdentityStore _identity;
    private readonly IAuditLog _audit;
    private readonly RecentErasures _erasures;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<IVisitorDataContributor> _contributors;

    /// <summary>Creates the service.</summary>
    public VisitorDataService(
        IProfileStore profiles,
        IEventStore events,
        IAssignmentStore assignments,
        IVisitorIdentityStore identity,
        IAuditLog audit,
        RecentErasures erasures,
        TimeProvider time,
        IEnumerable<IVisitorDataContributor> contributors)
    {
        _profiles = profiles ?? throw new ArgumentNullException(nameof(profiles));
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _assignments = assignments ?? throw new ArgumentNullException(nameof(assignments));
        _identity = identity ?? throw new ArgumentNullException(nameof(identity));
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
        _erasures = erasures ?? throw new ArgumentNullException(nameof(erasures));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _contributors = [.. contributors ?? throw new ArgumentNullException(nameof(contributors))];
    }

    /// <inheritdoc />
    public async Task<VisitorDataExport> ExportAsync(VisitorDataSubject subject, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var ids = await ResolveAsync(subject, cancellationToken).ConfigureAwait(false);
        var events = new List<VisitorEvent>();
        var assignments = new List<VisitorAssignment>();
        foreach (var id in ids)
        {
            events.AddRange(await _events.GetByVisitorAsync(id, cancellationToken).ConfigureAwait(false));
            assignments.AddRange(await _assignments.GetByVisitorAsync(id, cancellationToken).ConfigureAwait(false));
        }

        var other = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var contributor in _contributors)
        {
            other[contributor.Name] = await contributor.ExportAsync(ids, cancellationToken).ConfigureAwait(false);
        }

        // The profiles after the events: the ingestion worker commits a batch's events together with the profile
        // updates they cause, so a profile read now includes every exported event. Read only before them, an export
        // taken while a visitor's first page views were being stored listed the page views without their profile.
        // Every id's, merged ones included: a batch written while its visitor was being merged stores a profile under
        // the merged id again, and that too is the subject's data.
        var profiles = await ReadProfilesAsync(ids, cancellationToken).ConfigureAwait(false);

        var export = new VisitorDataExport
        {
            ExportedAt = _time.GetUtcNow(),
            VisitorIds = ids,
            Profiles = profiles,
            Events = [.. events.OrderBy(e => e.Timestamp).ThenBy(e => e.Id)],
            Assignments = assignments,
            Other = other,
        };
        await AuditAsync(actor, AuditActions.Exported, new VisitorErasureResult(ids.Count, profiles.Count, events.Count, assignments.Count, 0), cancellationToken)
            .ConfigureAwait(false);
        return export;
    }

    /// <inheritdoc />
    public async Task<VisitorErasureResult> EraseAsync(VisitorDataSubject subject, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var ids = await ResolveAsync(subject, cancellationToken).ConfigureAwait(false);
        var result = await DeleteAsync(ids, cancellationToken).ConfigureAwait(false);
        await AuditAsync(actor, AuditActions.Erased, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc />
    public async Task<VisitorErasureResult> WithdrawConsentAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(visitorId);

        // The same reach as the visitor erasing their data: the ids merged into their profile are theirs too.
        var ids = await ResolveAsync(VisitorDataSubject.ForVisitor(visitorId), cancellationToken).ConfigureAwait(false);
        var result = await DeleteAsync(ids, cancellationToken).ConfigureAwait(false);
        await AuditAsync(AuditActors.Self, AuditActions.ConsentWithdrawn, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<VisitorErasureResult> DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        int profiles = 0, events = 0, assignments = 0, other = 0;
        foreach (var id in ids)
        {
            // Remembered first, so events still queued for the visitor are dropped rather than written after the delete.
            _erasures.Add(id);
            events += await _events.DeleteByVisitorAsync(id, cancellationToken).ConfigureAwait(false);
            assignments += await _assignments.DeleteByVisitorAsync(id, cancellationToken).ConfigureAwait(false);
            profiles += await _profiles.DeleteAsync(id, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        foreach (var contributor in _contributors)
        {
            other += await contributor.EraseAsync(ids, cancellationToken).ConfigureAwait(false);
        }

        return new VisitorErasureResult(ids.Count, profiles, events, assignments, other);
    }

    /// <summary>
    /// The subject's visitor ids (the visitor's, or every one linked to the member) plus every visitor id merged into
    /// their profiles.
    /// </summary>
    private async Task<IReadOnlyList<string>> ResolveAsync(
        VisitorDataSubject subject, CancellationToken cancellationToken)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        if (subject.VisitorId is { } visitorId)
        {
            ids.Add(visitorId);
        }
        else
        {
            ids.UnionWith(await _identity.GetVisitorIdsByMemberKeyAsync(subject.MemberKey!, cancellationToken).ConfigureAwait(false));
        }

        foreach (var profile in await ReadProfilesAsync(ids.ToList(), cancellationToken).ConfigureAwait(false))
        {
            ids.UnionWith(profile.MergedVisitorIds);
        }

        return [.. ids];
    }

    private async Task<IReadOnlyList<VisitorProfile>> ReadProfilesAsync(IEnumerable<string> visitorIds, CancellationToken cancellationToken)
    {
        var profiles = new List<VisitorProfile>();
        foreach (var id in visitorIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (await _profiles.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } profile)
            {
                profiles.Add(profile);
            }
        }

        return profiles;
    }

    private Task AuditAsync(string actor, string action, VisitorErasureResult counts, CancellationToken cancellationToken) =>
        _audit.WriteAsync(
            new AuditEntry
            {
                Timestamp = _time.GetUtcNow(),
                Actor = actor,
                Action = action,
                EntityType = AuditEntityTypes.VisitorData,
                After = JsonSerializer.Serialize(counts, VisitorDataJson.Default.VisitorErasureResult),
            },
            cancellationToken);
}
