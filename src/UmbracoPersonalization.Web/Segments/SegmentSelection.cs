namespace UmbracoPersonalization.Web.Segments;

/// <summary>The one segment applied to a request (Umbraco's variation context holds a single segment).</summary>
/// <param name="Alias">The segment applied; <c>null</c> for Umbraco's default segment.</param>
/// <param name="Memberships">Every segment the visitor is in, highest priority first.</param>
/// <param name="Reason">Why this segment was chosen, e.g. <c>highest priority (10) of 2 segments: vip, returning</c>.</param>
public sealed record SegmentSelection(string? Alias, IReadOnlyList<string> Memberships, string Reason)
{
    /// <summary>No segment: the visitor sees the default segment's content.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The selection.</returns>
    public static SegmentSelection None(string reason) => new(null, [], reason);
}
