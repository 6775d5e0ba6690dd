using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Segments;

/// <summary>Segments a visitor entered and left because of one event.</summary>
/// <param name="Profile">The updated profile.</param>
/// <param name="Event">The event that caused the change.</param>
/// <param name="Entered">Aliases of segments entered, in definition order.</param>
/// <param name="Left">Aliases of segments left, in definition order.</param>
public sealed record SegmentMembershipChange(
    VisitorProfile Profile,
    VisitorEvent Event,
    IReadOnlyList<string> Entered,
    IReadOnlyList<string> Left);
