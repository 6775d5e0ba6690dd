using System.Text.Json;
using UmbracoPersonalization.Core.Auditing;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;

namespace UmbracoPersonalization.Core.Definitions;

/// <summary>
/// <see cref="IDefinitionService"/> over an <see cref="IDefinitionStore"/> and an <see cref="IAuditLog"/>. Validation
/// compiles the whole resulting set with <see cref="DefinitionSnapshot.Compile"/>, so a change that would break
/// deciding (an unknown segment, a bad condition, deleting a segment in use) is refused before anything is written, and
/// the store writes only while the definitions are still at the version validated (concurrent changes are validated
/// again). The audit entry is written after the store accepted the change.
/// </summary>
public sealed class DefinitionService : IDefinitionService
{
    private const int MaxAttempts = 5;
    private readonly IDefinitionStore _store;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    public DefinitionService(IDefinitionStore store, IAuditLog audit, TimeProvider time)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <inheritdoc />
    public Task<DefinitionChangeResult> SaveSegmentAsync(SegmentDefinition segment, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return ChangeAsync(
            current =>
            {
                var before = current.Segments.FirstOrDefault(s => Same(s.Alias, segment.Alias));
                var proposed = current with { Segments = [.. current.Segments.Where(s => !Same(s.Alias, segment.Alias)), segment] };
                return new Change(
                    proposed,
                    version => _store.TrySaveSegmentAsync(segment, version, cancellationToken),
                    new Audit(before is null ? AuditActions.Created : AuditActions.Updated, AuditEntityTypes.Segment, segment.Alias, Json(before), Json(segment)));
            },
            actor,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<DefinitionChangeResult> DeleteSegmentAsync(string alias, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alias);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return ChangeAsync(
            current => current.Segments.FirstOrDefault(s => Same(s.Alias, alias)) is not { } before
                ? null
                : new Change(
                    current with { Segments = [.. current.Segments.Where(s => !Same(s.Alias, alias))] },
                    version => _store.TryDeleteSegmentAsync(before.Alias, version, cancellationToken), // as stored
                    new Audit(AuditActions.Deleted, AuditEntityTypes.Segment, before.Alias, Json(before), null)),
            actor,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<DefinitionChangeResult> SaveExperienceAsync(ExperienceDefinition experience, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(experience);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return ChangeAsync(
            current =>
            {
                var before = current.Experiences.FirstOrDefault(e => Same(e.Placement, experience.Placement));

                // Placements match ignoring case: an existing one keeps the spelling it is stored under.
                var saved = before is null ? experience : experience with { Placement = before.Placement };
                var proposed = current with { Experiences = [.. current.Experiences.Where(e => !Same(e.Placement, saved.Placement)), saved] };
                return new Change(
                    proposed,
                    version => _store.TrySaveExperienceAsync(saved, version, cancellationToken),
                    new Audit(before is null ? AuditActions.Created : AuditActions.Updated, AuditEntityTypes.Experience, saved.Placement, Json(before), Json(saved)));
            },
            actor,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<DefinitionChangeResult> DeleteExperienceAsync(string placement, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return ChangeAsync(
            current => current.Experiences.FirstOrDefault(e => Same(e.Placement, placement)) is not { } before
                ? null
                : new Change(
                    current with { Experiences = [.. current.Experiences.Where(e => !Same(e.Placement, placement))] },
                    version => _store.TryDeleteExperienceAsync(before.Placement, version, cancellationToken), // as stored
                    new Audit(AuditActions.Deleted, AuditEntityTypes.Experience, before.Placement, Json(before), null)),
            actor,
            cancellationToken);
    }

    /// <summary>
    /// Loads the set, lets <paramref name="plan"/> make the change from it (<c>null</c>: nothing to change), validates
    /// the whole resulting set and writes only while the set is still the one validated: when another change came
    /// first, it starts over from the new set (so a rule can never be saved against a segment deleted meanwhile).
    /// </summary>
    private async Task<DefinitionChangeResult> ChangeAsync(Func<DefinitionSet, Change?> plan, string actor, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
            if (plan(current) is not { } change)
            {
                return new DefinitionChangeResult(DefinitionChangeStatus.NotFound);
            }

            if (Validate(change.Proposed) is { } error)
            {
                return new DefinitionChangeResult(DefinitionChangeStatus.Invalid, error);
            }

            if (await change.WriteAsync(current.Version).ConfigureAwait(false))
            {
                // Written: the audit entry is written even if the caller gives up now, so no change goes unaudited.
                var audit = change.Audit;
                await AuditAsync(actor, audit.Action, audit.EntityType, audit.Key, audit.Before, audit.After, CancellationToken.None).ConfigureAwait(false);
                return new DefinitionChangeResult(DefinitionChangeStatus.Success);
            }
        }

        return new DefinitionChangeResult(DefinitionChangeStatus.Conflict);
    }

    private static DefinitionValidationException? Validate(DefinitionSet proposed)
    {
        try
        {
            DefinitionSnapshot.Compile(proposed);
            return null;
        }
        catch (DefinitionValidationException exception)
        {
            return exception;
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string? Json(SegmentDefinition? segment) =>
        segment is null ? null : JsonSerializer.Serialize(segment, DefinitionAuditJson.Default.SegmentDefinition);

    private static string? Json(ExperienceDefinition? experience) =>
        experience is null ? null : JsonSerializer.Serialize(experience, DefinitionAuditJson.Default.ExperienceDefinition);

    private Task AuditAsync(string actor, string action, string entityType, string key, string? before, string? after, CancellationToken cancellationToken) =>
        _audit.WriteAsync(
            new AuditEntry
            {
                Timestamp = _time.GetUtcNow(),
                Actor = actor,
                Action = action,
                EntityType = entityType,
                EntityKey = key,
                Before = before,
                After = after,
            },
            cancellationToken);

    private sealed record Change(DefinitionSet Proposed, Func<long, Task<bool>> WriteAsync, Audit Audit);

    private sealed record Audit(string Action, string EntityType, string Key, string? Before, string? After);
}
