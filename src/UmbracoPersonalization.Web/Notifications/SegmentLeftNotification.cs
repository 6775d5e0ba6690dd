using Umbraco.Cms.Core.Notifications;

namespace UmbracoPersonalization.Web.Notifications;

/// <summary>
/// Published (through Umbraco's <c>IEventAggregator</c>) when a stored visitor profile leaves a segment: after the
/// event that caused it was applied and the profile saved. Runs on the ingestion worker, not on a request.
/// Register a handler with <c>builder.AddNotificationHandler&lt;SegmentLeftNotification, MyHandler&gt;()</c>.
/// </summary>
public sealed class SegmentLeftNotification : INotification
{
    /// <summary>Creates the notification.</summary>
    /// <param name="visitorId">The visitor.</param>
    /// <param name="segmentAlias">The segment left.</param>
    /// <param name="memberKey">The member the profile belongs to, if known.</param>
    public SegmentLeftNotification(string visitorId, string segmentAlias, string? memberKey)
    {
        VisitorId = visitorId;
        SegmentAlias = segmentAlias;
        MemberKey = memberKey;
    }

    /// <summary>The visitor (pseudonymous id).</summary>
    public string VisitorId { get; }

    /// <summary>The segment left.</summary>
    public string SegmentAlias { get; }

    /// <summary>The member the profile belongs to, if known.</summary>
    public string? MemberKey { get; }
}
