namespace UmbracoPersonalization.Core.Privacy;

/// <summary>Whose data a data-subject request is about: one visitor id, or every visitor id of a member.</summary>
public sealed record VisitorDataSubject
{
    private VisitorDataSubject(string? visitorId, string? memberKey)
    {
        VisitorId = visitorId;
        MemberKey = memberKey;
    }

    /// <summary>The visitor id, when the subject is a visitor.</summary>
    public string? VisitorId { get; }

    /// <summary>The member key, when the subject is a member (all their devices).</summary>
    public string? MemberKey { get; }

    /// <summary>The visitor with this id.</summary>
    public static VisitorDataSubject ForVisitor(string visitorId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(visitorId);
        return new VisitorDataSubject(visitorId, null);
    }

    /// <summary>The member with this key (every profile claimed by it, and every visitor id merged into those).</summary>
    public static VisitorDataSubject ForMember(string memberKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberKey);
        return new VisitorDataSubject(null, memberKey);
    }
}
