using System.Text.Json;
using UmbracoPersonalization.Core.Auditing;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;

namespace UmbracoPersonalization.Core.Definitions;

/// <summary>
/// <see cref="IDefinitionService"/> over an <see cref="IDefinitionStore"/> and an <see cref="IAuditLog"/>. Validation
/// compiles the whole resulting set with <see cref="DefinitionSnapshot.Compile"/>, so a change that would break
/// deciding (an unknown segment, a bad condition, deleting a segment in use) is refused before anything is written.
/// The audit entry is written after the store accepted the change.
/// </summary>
public sealed class DefinitionService : IDefinitionService
{
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
    public async Task<DefinitionChangeResult> SaveSegmentAsync(SegmentDefinition segment, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var current = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
        var before = current.Segments.FirstOrDefault(s => Same(s.Alias, segment.Alias));
        var proposed = current with { Segments = [.. current.Segments.Where(s => !Same(s.Alias, segment.Alias)), segment] };
        if (Validate(proposed) is { } error)
        {
            return new DefinitionChangeResult(DefinitionChangeStatus.Invalid, error);
        }

        await _store.SaveSegmentAsync(segment, cancellationToken).ConfigureAwait(false);
        await AuditAsync(actor, before is null ? AuditActions.Created : AuditActions.Updated, AuditEntityTypes.Segment, segment.Alias,
            Json(before), Json(segment), cancellationToken).ConfigureAwait(false);
        return new DefinitionChangeResult(DefinitionChangeStatus.Success);
    }

    /// <inheritdoc />
    public async Task<DefinitionChangeResult> DeleteSegmentAsync(string alias, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alias);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var current = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
        var before = current.Segments.FirstOrDefault(s => Same(s.Alias, alias));
        if (before is null)
        {
            return new DefinitionChangeResult(DefinitionChangeStatus.NotFound);
        }

        if (Validate(current with { Segments = [.. current.Segments.Where(s => !Same(s.Alias, alias))] }) is { } error)
        {
            return new DefinitionChangeResult(DefinitionChangeStatus.Invalid, error);
        }

        if (!await _store.DeleteSegmentAsync(alias, cancellationToken).ConfigureAwait(false))
        {
            return new DefinitionChangeResult(DefinitionChangeStatus.NotFound);
        }

        await AuditAsync(actor, AuditActions.Deleted, AuditEntityTypes.Segment, before.Alias, Json(before), null, cancellationToken).ConfigureAwait(false);
        return new DefinitionChangeResult(DefinitionChangeStatus.Success);
    }

    /// <inheritdoc />
    public async Task<DefinitionChangeResult> SaveExperienceAsync(ExperienceDefinition experience, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(experience);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var current = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
        var before = current.Experiences.FirstOrDefault(e => Same(e.Placement, experience.Placement));
        var proposed = current with { Experiences = [.. current.Experiences.Where(e => !Same(e.Placement, experience.Placement)), experience] };
        if (Validate(proposed) is { } error)
        {
            return new DefinitionChangeResult(DefinitionChangeStatus.Invalid, error);
        }

        await _store.SaveExperienceAsync(experience, cancellationToken).ConfigureAwait(false);
        await AuditAsync(actor, before is null ? AuditActions.Created : AuditActions.Updated, AuditEntityTypes.Experience, experience.Placement,
            Json(before), Json(experience), cancellationToken).ConfigureAwait(false);
        return new DefinitionChangeResult(DefinitionChangeStatus.Success);
    }

    /// <inheritdoc />
    public async Task<DefinitionChangeResult> DeleteExperienceAsync(string placement, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var current = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
        var before = current.Experiences.FirstOrDefault(e => Same(e.Placement, placement));
        if (before is null || !await _store.DeleteExperienceAsync(placement, cancellationToken).ConfigureAwait(false))
        {
            return new DefinitionChangeResult(DefinitionChangeStatus.NotFound);
        }

        await AuditAsync(actor, AuditActions.Deleted, AuditEntityTypes.Experience, before.Placement, Json(before), null, cancellationToken).ConfigureAwait(false);
        return new DefinitionChangeResult(DefinitionChangeStatus.Success);
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
}
