using Umbraco.Cms.Core.Notifications;

namespace UmbracoPersonalization.Web.Notifications;

/// <summary>
/// Published (through Umbraco's <c>IEventAggregator</c>) after an anonymous visitor's profile was merged into another
/// profile, e.g. when the visitor logged in as a member who already had a profile on another device. Whatever merges
/// profiles publishes it once the merged profile is saved (the privacy feature's merge on login does).
/// </summary>
public sealed class ProfileMergedNotification : INotification
{
    /// <summary>Creates the notification.</summary>
    /// <param name="sourceVisitorId">The profile merged away (no longer stored on its own).</param>
    /// <param name="targetVisitorId">The profile that now holds both.</param>
    /// <param name="memberKey">The member the merged profile belongs to, if any.</param>
    public ProfileMergedNotification(string sourceVisitorId, string targetVisitorId, string? memberKey)
    {
        SourceVisitorId = sourceVisitorId;
        TargetVisitorId = targetVisitorId;
        MemberKey = memberKey;
    }

    /// <summary>The profile merged away.</summary>
    public string SourceVisitorId { get; }

    /// <summary>The profile that now holds both.</summary>
    public string TargetVisitorId { get; }

    /// <summary>The member the merged profile belongs to, if any.</summary>
    public string? MemberKey { get; }
}
