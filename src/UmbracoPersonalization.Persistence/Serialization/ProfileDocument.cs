using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Persistence.Serialization;

/// <summary>
/// The stored JSON shape of a profile (format 1). Kept apart from <see cref="VisitorProfile"/> so the domain
/// type can change while stored documents stay readable: a new field is added here as optional; a breaking
/// change raises <see cref="ProfileSerializer.CurrentFormatVersion"/> and the serializer upgrades old documents.
/// The visitor id and version are columns, not part of the document.
/// </summary>
internal sealed class ProfileDocument
{
    public int FormatVersion { get; set; }

    public string? MemberKey { get; set; }

    public DateTimeOffset FirstSeen { get; set; }

    public DateTimeOffset LastSeen { get; set; }

    public int Visits { get; set; }

    public DateTimeOffset? VisitStartedAt { get; set; }

    public int PageViews { get; set; }

    public int VisitPageViews { get; set; }

    public string? FirstReferrer { get; set; }

    public string? LastReferrer { get; set; }

    public UtmParameters? FirstUtm { get; set; }

    public UtmParameters? LastUtm { get; set; }

    public DeviceClass Device { get; set; }

    public string? Language { get; set; }

    public string? Country { get; set; }

    public Dictionary<string, InterestScore>? CategoryInterests { get; set; }

    public Dictionary<string, InterestScore>? TagInterests { get; set; }

    public Dictionary<string, GoalRecord>? Goals { get; set; }

    public Dictionary<string, string>? Preferences { get; set; }

    public LifecycleStage Stage { get; set; }

    public List<string>? Segments { get; set; }

    public List<string>? RecentPages { get; set; }

    public Dictionary<string, int>? CustomEvents { get; set; }

    public List<string>? VisitSegments { get; set; }
    public List<string>? Topics { get; set; }

    public List<string>? SuppressedInterests { get; set; }

    public bool? PersonalizationPaused { get; set; }

    public List<string>? MergedVisitorIds { get; set; }
}
