using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Segments;

/// <summary>
/// Applies an event to a profile and re-evaluates every segment, storing memberships in
/// <see cref="VisitorProfile.Segments"/> and reporting the segments entered and left. Used by the background worker;
/// the profile must belong to a consenting visitor. Memberships of segments no longer defined are dropped silently.
/// </summary>
public sealed partial class ProfileUpdater
{
    /// <summary>Up to this many segments, the per-event membership flags live on the stack.</summary>
    private const int MaxStackSegments = 512;

    // Most events change no membership: one shared result for those instead of one per event.
    private static readonly ProfileUpdateResult AppliedWithoutChange = new(true, [], []);

    private static readonly ConsentState StoredConsent = new(ConsentPurposes.Necessary | ConsentPurposes.Analytics | ConsentPurposes.Personalization);

    private readonly ProfileBuilder _builder;
    private readonly IDefinitionSnapshotProvider _snapshots;
    private readonly ISegmentMembershipObserver[] _observers;
    private readonly ILogger<ProfileUpdater> _logger;

    /// <summary>Creates an updater.</summary>
    /// <param name="builder">Applies events to profiles.</param>
    /// <param name="snapshots">The current definitions.</param>
    /// <param name="observers">Told about entered and left segments.</param>
    /// <param name="logger">Logs failing observers.</param>
    public ProfileUpdater(
        ProfileBuilder builder,
        IDefinitionSnapshotProvider snapshots,
        IEnumerable<ISegmentMembershipObserver> observers,
        ILogger<ProfileUpdater> logger)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(observers);
        ArgumentNullException.ThrowIfNull(logger);
        _builder = builder;
        _snapshots = snapshots;
        _observers = observers.ToArray();
        _logger = logger;
    }

    /// <summary>Applies the event and re-evaluates segments; does not notify observers.</summary>
    /// <param name="profile">The profile, updated in place.</param>
    /// <param name="visitorEvent">The event.</param>
    /// <returns>The segments entered and left.</returns>
    public ProfileUpdateResult Apply(VisitorProfile profile, VisitorEvent visitorEvent)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(visitorEvent);
        if (!_builder.Apply(profile, visitorEvent))
        {
            return ProfileUpdateResult.Ignored;
        }

        var snapshot = _snapshots.Current;
        var context = new VisitorContext(profile, RequestOf(visitorEvent), StoredConsent) { IsIdentified = true };
        var attributes = VisitorAttributes.Create(context, _builder.Options);
        var segments = snapshot.Segments;
        var count = segments.Count;
        Span<bool> was = count <= MaxStackSegments ? stackalloc bool[count] : new bool[count];
        var rewrite = !MarkStored(profile.Segments, snapshot, was);
        List<string>? entered = null;
        List<string>? left = null;
        Span<bool> isIn = count <= MaxStackSegments ? stackalloc bool[count] : new bool[count];
        for (var i = 0; i < count; i++)
        {
            var segment = segments[i];
            isIn[i] = segment.IsMatch(attributes);
            if (isIn[i] && !was[i])
            {
                (entered ??= []).Add(segment.Alias);
            }
            else if (!isIn[i] && was[i])
            {
                (left ??= []).Add(segment.Alias);
            }
        }

        // The stored set is rewritten only when it differs from the result (set-wise, or in an alias's spelling):
        // most events change no membership, and rebuilding the case-insensitive set hashed every alias again.
        if (rewrite || entered is not null || left is not null)
        {
            profile.Segments.Clear();
            AddMembers(profile.Segments, segments, isIn);
        }

        AddMembers(profile.VisitSegments, segments, isIn);
        return entered is null && left is null
            ? AppliedWithoutChange
            : new ProfileUpdateResult(true, (IReadOnlyList<string>?)entered ?? [], (IReadOnlyList<string>?)left ?? []);
    }

    /// <summary>
    /// Marks in <paramref name="was"/> the segments <paramref name="stored"/> holds, in one pass over the stored set
    /// (a few dozen) rather than a hashed lookup per defined segment. Returns <c>false</c> when the stored set must be
    /// rewritten even if no membership changes: it names a segment no longer defined (dropped silently), spells an
    /// alias differently from its definition, or has another comparer than the case-insensitive one lookups assume.
    /// </summary>
    private static bool MarkStored(HashSet<string> stored, DefinitionSnapshot snapshot, Span<bool> was)
    {
        if (!ReferenceEquals(stored.Comparer, StringComparer.OrdinalIgnoreCase))
        {
            foreach (var segment in snapshot.Segments)
            {
                was[segment.Index] = stored.Contains(segment.Alias);
            }

            return false;
        }

        var exact = true;
        foreach (var alias in stored)
        {
            if (snapshot.TryGetSegment(alias, out var segment))
            {
                was[segment.Index] = true;
                exact &= string.Equals(alias, segment.Alias, StringComparison.Ordinal);
            }
            else
            {
                exact = false;
            }
        }

        return exact;
    }

    private static void AddMembers(HashSet<string> into, IReadOnlyList<CompiledSegment> segments, ReadOnlySpan<bool> isIn)
    {
        for (var i = 0; i < isIn.Length; i++)
        {
            if (isIn[i])
            {
                into.Add(segments[i].Alias);
            }
        }
    }

    /// <summary>Applies the event, re-evaluates segments and tells every observer when memberships changed.</summary>
    /// <param name="profile">The profile, updated in place.</param>
    /// <param name="visitorEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the notifications.</param>
    /// <returns>The segments entered and left.</returns>
    public async ValueTask<ProfileUpdateResult> ApplyAsync(VisitorProfile profile, VisitorEvent visitorEvent, CancellationToken cancellationToken = default)
    {
        var result = Apply(profile, visitorEvent);
        if (!result.MembershipChanged || _observers.Length == 0)
        {
            return result;
        }

        var change = new SegmentMembershipChange(profile, visitorEvent, result.Entered, result.Left);
        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnMembershipChangedAsync(change, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogObserverFailed(_logger, exception, observer.GetType().Name, profile.VisitorId);
            }
        }

        return result;
    }

    private static RequestContext RequestOf(VisitorEvent visitorEvent)
    {
        var url = visitorEvent.Url ?? "/";
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        return new RequestContext
        {
            Url = url,
            Path = queryStart < 0 ? url : url[..queryStart],
            Referrer = visitorEvent.Referrer,
            Utm = visitorEvent.Utm ?? UtmParameters.None,
            Device = visitorEvent.Device,
            Language = visitorEvent.Language,
            Country = visitorEvent.Country,
            Timestamp = visitorEvent.Timestamp,
            Categories = visitorEvent.Categories,
            Tags = visitorEvent.Tags,
        };
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Segment membership observer {Observer} failed for visitor {VisitorId}.")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, string observer, string visitorId);
}
