using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Identity;

/// <summary>Store operations for identity: finding a member's profiles and moving a visitor's rows to another visitor id.</summary>
public interface IVisitorIdentityStore
{
    /// <summary>
    /// The profile of the member <paramref name="memberKey"/>, or <c>null</c>. When several profiles carry the key
    /// (two devices claimed it before a merge), the one seen first is returned (ties by visitor id), so every device agrees.
    /// </summary>
    Task<VisitorProfile?> FindByMemberKeyAsync(string memberKey, CancellationToken cancellationToken = default);

    /// <summary>Every visitor id whose profile carries <paramref name="memberKey"/>.</summary>
    Task<IReadOnlyList<string>> GetVisitorIdsByMemberKeyAsync(string memberKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Re-keys every event and experiment assignment of <paramref name="fromVisitorId"/> to
    /// <paramref name="toVisitorId"/> in one transaction. An assignment for an experiment the target already has is
    /// dropped (the target's arm wins, so the member keeps seeing what they saw). Idempotent.
    /// </summary>
    Task<VisitorRekeyResult> RekeyAsync(string fromVisitorId, string toVisitorId, CancellationToken cancellationToken = default);
}
