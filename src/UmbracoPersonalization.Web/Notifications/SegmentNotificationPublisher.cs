using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Ingestion;

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
    private readonly ConditionalWeakTable<VisitorProfile, HashSet<string>> _before = new();

    public void Apply(VisitorProfile profile, VisitorEvent visitorEvent)
    {
        _before.GetValue(profile, static p => new HashSet<string>(p.Segments, StringComparer.OrdinalIgnoreCase));
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
            foreach (var alias in profile.Segments.Where(s => !before.Contains(s)).Order(StringComparer.Ordinal))
            {
                (notifications ??= []).Add(new SegmentEnteredNotification(profile.VisitorId, alias, profile.MemberKey));
            }

            foreach (var alias in before.Where(s => !profile.Segments.Contains(s)).Order(StringComparer.Ordinal))
            {
                (notifications ??= []).Add(new SegmentLeftNotification(profile.VisitorId, alias, profile.MemberKey));
            }
        }

        if (notifications is not null && services.GetService<IEventAggregator>() is { } events)
        {
            foreach (var notification in notifications)
            {
                await PublishAsync(events, notification, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static Task PublishAsync(IEventAggregator events, INotification notification, CancellationToken cancellationToken) => notification switch
    {
        SegmentEnteredNotification entered => events.PublishAsync(entered, cancellationToken),
        SegmentLeftNotification left => events.PublishAsync(left, cancellationToken),
        _ => Task.CompletedTask,
    };
}
