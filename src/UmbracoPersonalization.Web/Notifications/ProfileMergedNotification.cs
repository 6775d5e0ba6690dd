using Umbraco.Cms.Core.Notifications;

namespace UmbracoPersonalization.Web.Notifications;

/// <summary>
/// Published (through Umbraco's <c>IEventAggregator</c>) after an anonymous visitor's profile was merged into another
/// profile, e.g. when the visitor signed in as a member who already had a profile on another device. Published on the
/// sign-in request (<c>IVisitorSignIn</c>, used by the automatic merge on sign-in) once the merged profile is saved and
/// the anonymous one deleted.
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
