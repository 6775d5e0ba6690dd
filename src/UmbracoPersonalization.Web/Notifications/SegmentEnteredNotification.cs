using Umbraco.Cms.Core.Notifications;

namespace UmbracoPersonalization.Web.Notifications;

/// <summary>
/// Published (through Umbraco's <c>IEventAggregator</c>) when a stored visitor profile enters a segment: after the
/// event that caused it was applied and the profile saved. Runs on the ingestion worker, not on a request.
/// Register a handler with <c>builder.AddNotificationHandler&lt;SegmentEnteredNotification, MyHandler&gt;()</c>.
/// </summary>
public sealed class SegmentEnteredNotification : INotification
{
    /// <summary>Creates the notification.</summary>
    /// <param name="visitorId">The visitor.</param>
    /// <param name="segmentAlias">The segment entered.</param>
    /// <param name="memberKey">The member the profile belongs to, if known.</param>
    public SegmentEnteredNotification(string visitorId, string segmentAlias, string? memberKey)
    {
        VisitorId = visitorId;
        SegmentAlias = segmentAlias;
        MemberKey = memberKey;
    }

    /// <summary>The visitor (pseudonymous id).</summary>
    public string VisitorId { get; }

    /// <summary>The segment entered.</summary>
    public string SegmentAlias { get; }

    /// <summary>The member the profile belongs to, if known.</summary>
    public string? MemberKey { get; }
}
