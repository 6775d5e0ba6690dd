using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Umbraco.Cms.Core.Events;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Logging;

namespace UmbracoPersonalization.Web.Notifications;

/// <summary>
/// Wraps the engine's personalizer: publishes a <see cref="DecidingNotification"/> for each decision when a handler
/// for it is registered (checked once), so handlers can override. Without handlers it adds nothing to a decision.
/// A failing handler is logged and the engine's decision is used.
/// </summary>
internal sealed class NotifyingPersonalizer(
    Personalizer inner,
    IDefinitionSnapshotProvider snapshots,
    IServiceProvider services,
    ILogger<NotifyingPersonalizer> logger) : IPersonalizer
{
    private IEventAggregator? _events;
    private int _state; // 0 unknown, 1 no handlers, 2 handlers

    public Decision Decide(string placement, VisitorContext context)
    {
        var decision = inner.Decide(placement, context);
        if (!HasHandlers())
        {
            return decision;
        }

        try
        {
            snapshots.Current.TryGetExperience(placement, out var experience);
            var notification = new DecidingNotification(decision, context, experience);
            _events!.Publish(notification);
            return notification.Decision;
        }
        catch (Exception ex)
        {
            Log.NotificationFailed(logger, ex, nameof(DecidingNotification));
            return decision;
        }
    }

    public bool IsInSegment(string segmentAlias, VisitorContext context) => inner.IsInSegment(segmentAlias, context);

    private bool HasHandlers()
    {
        if (_state == 0)
        {
            _events = services.GetService<IEventAggregator>();
            using var scope = services.CreateScope();
            var any = _events is not null
                && (scope.ServiceProvider.GetServices<INotificationHandler<DecidingNotification>>().Any()
                    || scope.ServiceProvider.GetServices<INotificationAsyncHandler<DecidingNotification>>().Any());
            _state = any ? 2 : 1;
        }

        return _state == 2;
    }
}
