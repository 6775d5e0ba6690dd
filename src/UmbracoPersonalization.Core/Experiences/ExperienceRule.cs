namespace UmbracoPersonalization.Core.Experiences;

/// <summary>
/// One ordered rule of an experience: when the visitor is in <paramref name="SegmentAlias"/> (or matches
/// <paramref name="Condition"/>), show <paramref name="VariantKey"/>. Exactly one of the two is set.
/// </summary>
/// <param name="VariantKey">The variant to show.</param>
/// <param name="SegmentAlias">A segment alias.</param>
/// <param name="Condition">An inline condition JSON (GrowthBook syntax).</param>
public sealed record ExperienceRule(string VariantKey, string? SegmentAlias = null, string? Condition = null);
