namespace UmbracoPersonalization.Core.Segments;

/// <summary>
/// Told when a visitor enters or leaves segments after an event (e.g. to publish Umbraco notifications or fire
/// triggers). Register any number in DI; a failing observer is logged and does not stop the others.
/// </summary>
public interface ISegmentMembershipObserver
{
    /// <summary>Called once per event that changed memberships.</summary>
    /// <param name="change">The segments entered and left.</param>
    /// <param name="cancellationToken">Cancels the notification.</param>
    /// <returns>A task that completes when handled.</returns>
    ValueTask OnMembershipChangedAsync(SegmentMembershipChange change, CancellationToken cancellationToken);
}
