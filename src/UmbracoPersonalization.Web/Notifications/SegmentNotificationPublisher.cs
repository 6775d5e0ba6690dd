using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Ingestion;
using UmbracoPersonalization.Web.Logging;

namespace UmbracoPersonalization.Web.Notifications;

/// <summary>
/// Connects the ingestion worker to the profile logic and to Umbraco's notifications. Applying events records each
/// profile object's memberships before its first event; after the worker saved the profile, the segments entered and
/// left (net, over the whole batch) are published as <see cref="SegmentEnteredNotification"/> and
/// <see cref="SegmentLeftNotification"/>. A profile that lost an optimistic race is reloaded as a new object and
/// re-applied, so nothing is published for the attempt that was not saved.
/// </summary>
internal sealed class SegmentNotificationPublisher(ProfileUpdater updater, IServiceProvider services) : IProfileEventApplier, IProfileSaveListener
{
    // Each profile's memberships before its first event of the batch, sorted for binary search: an array is a fraction
    // of a set's size, and this runs for every profile of every batch.
    private readonly ConditionalWeakTable<VisitorProfile, string[]> _before = new();

    // Comparisons made once: sorting with an IComparer wraps it in a new delegate on every call.
    private static readonly Comparison<string> IgnoringCase = StringComparer.OrdinalIgnoreCase.Compare;
    private static readonly Comparison<string> Ordinal = string.CompareOrdinal;

    public void Apply(VisitorProfile profile, VisitorEvent visitorEvent)
    {
        _before.GetValue(profile, static p => Snapshot(p.Segments));
        updater.Apply(profile, visitorEvent);
    }

    public async ValueTask OnProfilesSavedAsync(IReadOnlyList<VisitorProfile> saved, CancellationToken cancellationToken)
    {
        List<INotification>? notifications = null;
        foreach (var profile in saved)
        {
            if (!_before.TryGetValue(profile, out var before))
            {
                continue;
            }

            _before.Remove(profile);
            var entered = Entered(profile.Segments, before);
            var left = Left(before, profile.Segments);
            foreach (var alias in entered)
            {
                (notifications ??= []).Add(new SegmentEnteredNotification(profile.VisitorId, alias, profile.MemberKey));
            }

            foreach (var alias in left)
            {
                (notifications ??= []).Add(new SegmentLeftNotification(profile.VisitorId, alias, profile.MemberKey));
            }
        }

        if (notifications is not null && services.GetService<IEventAggregator>() is { } events)
        {
            foreach (var notification in notifications)
            {
                try
                {
                    await PublishAsync(events, notification, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // One failing handler costs its own notification, not the other visitors' in the batch.
                    Log.NotificationFailed(services.GetRequiredService<ILogger<SegmentNotificationPublisher>>(), ex, notification.GetType().Name);
                }
            }
        }
    }

    private static string[] Snapshot(HashSet<string> segments)
    {
        if (segments.Count == 0)
        {
            return [];
        }

        var snapshot = new string[segments.Count];
        segments.CopyTo(snapshot);
        Array.Sort(snapshot, IgnoringCase);
        return snapshot;
    }

    /// <summary>The aliases now held that the snapshot lacks, in ordinal order (no allocation when there are none).</summary>
    private static IReadOnlyList<string> Entered(HashSet<string> now, string[] before)
    {
        List<string>? entered = null;
        foreach (var alias in now)
        {
            if (Array.BinarySearch(before, alias, StringComparer.OrdinalIgnoreCase) < 0)
            {
                (entered ??= []).Add(alias);
            }
        }

        return Ordered(entered);
    }

    /// <summary>The aliases of the snapshot no longer held, in ordinal order.</summary>
    private static IReadOnlyList<string> Left(string[] before, HashSet<string> now)
    {
        List<string>? left = null;
        foreach (var alias in before)
        {
            if (!now.Contains(alias))
            {
                (left ??= []).Add(alias);
            }
        }

        return Ordered(left);
    }

    private static IReadOnlyList<string> Ordered(List<string>? aliases)
    {
        if (aliases is null)
        {
            return [];
        }

        aliases.Sort(Ordinal);
        return aliases;
    }

    private static Task PublishAsync(IEventAggregator events, INotification notification, CancellationToken cancellationToken) => notification switch
    {
        SegmentEnteredNotification entered => events.PublishAsync(entered, cancellationToken),
        SegmentLeftNotification left => events.PublishAsync(left, cancellationToken),
        _ => Task.CompletedTask,
    };
}
