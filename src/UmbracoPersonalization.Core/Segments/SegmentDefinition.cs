namespace UmbracoPersonalization.Core.Segments;

/// <summary>A named condition that a visitor is in or not, re-evaluated on every event and request.</summary>
/// <param name="Alias">Unique alias, e.g. <c>returning-visitors</c> (lower-case letters, digits and dashes).</param>
/// <param name="Name">Display name for editors.</param>
/// <param name="Condition">The condition JSON (GrowthBook syntax) over visitor attributes.</param>
/// <param name="Priority">Higher wins when a visitor is in several segments and one must be chosen.</param>
/// <param name="Description">Optional description for editors.</param>
public sealed record SegmentDefinition(
    string Alias,
    string Name,
    string Condition,
    int Priority = 0,
    string? Description = null);
