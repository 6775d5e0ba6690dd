namespace UmbracoPersonalization.Core.Experiences;

/// <summary>
/// An A/B/n experiment over some of an experience's variants. Assignment follows GrowthBook's rules
/// (hash of <paramref name="HashAttribute"/> with <paramref name="Key"/> as seed), so arms are stable per visitor.
/// </summary>
/// <param name="Key">Experiment key (the hash seed), unique across the site.</param>
/// <param name="VariantKeys">The arms, in order; arm 0 is the control.</param>
/// <param name="Weights">Traffic share per arm (sums to 1); <c>null</c> for equal weights.</param>
/// <param name="Coverage">Share of eligible visitors included (0..1).</param>
/// <param name="Condition">Optional targeting condition JSON.</param>
/// <param name="HashAttribute">The attribute that identifies a visitor for bucketing.</param>
/// <param name="HashVersion">GrowthBook hash version (1 or 2).</param>
public sealed record ExperienceExperiment(
    string Key,
    IReadOnlyList<string> VariantKeys,
    IReadOnlyList<double>? Weights = null,
    double Coverage = 1.0,
    string? Condition = null,
    string HashAttribute = "id",
    int HashVersion = 2);
