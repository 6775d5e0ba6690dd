using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Ingestion;

namespace UmbracoPersonalization.Persistence.Tests.Infrastructure;

internal static class TestEvents
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static VisitorEvent PageView(string visitorId, int minute = 0, Guid? id = null, string url = "/") => new()
    {
        Id = id ?? Guid.NewGuid(),
        VisitorId = visitorId,
        Type = VisitorEventType.PageView,
        Timestamp = T0.AddMinutes(minute),
        Url = url,
    };
}

/// <summary>A stand-in for Core's profile updater: counts page views and keeps first/last seen.</summary>
internal sealed class CountingApplier : IProfileEventApplier
{
    public void Apply(VisitorProfile profile, VisitorEvent visitorEvent)
    {
        if (profile.FirstSeen == default || visitorEvent.Timestamp < profile.FirstSeen)
        {
            profile.FirstSeen = visitorEvent.Timestamp;
        }

        if (visitorEvent.Timestamp > profile.LastSeen)
        {
            profile.LastSeen = visitorEvent.Timestamp;
        }

        if (visitorEvent.Type == VisitorEventType.PageView)
        {
            profile.PageViews++;
        }
    }
}
