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
        List<string>? entered = null;
        List<string>? left = null;
        var members = new List<string>();
        var segments = snapshot.Segments;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var wasIn = profile.Segments.Contains(segment.Alias);
            var isIn = segment.IsMatch(attributes);
            if (isIn)
            {
                members.Add(segment.Alias);
            }

            if (isIn && !wasIn)
            {
                (entered ??= []).Add(segment.Alias);
            }
            else if (!isIn && wasIn)
            {
                (left ??= []).Add(segment.Alias);
            }
        }

        profile.Segments.Clear();
        profile.Segments.UnionWith(members);
        profile.VisitSegments.UnionWith(members);
        return entered is null && left is null
            ? new ProfileUpdateResult(true, [], [])
            : new ProfileUpdateResult(true, (IReadOnlyList<string>?)entered ?? [], (IReadOnlyList<string>?)left ?? []);
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
