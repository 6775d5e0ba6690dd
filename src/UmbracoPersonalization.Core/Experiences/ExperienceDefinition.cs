namespace UmbracoPersonalization.Core.Experiences;

/// <summary>
/// What each visitor sees in one placement: ordered rules (first match wins), an optional experiment that
/// applies when no rule matches, and a default variant.
/// </summary>
/// <param name="Placement">The placement alias, e.g. <c>home-hero</c>; one experience per placement.</param>
/// <param name="Name">Display name for editors.</param>
/// <param name="Variants">All variants the experience can show.</param>
/// <param name="Rules">Ordered rules; the first that matches decides.</param>
/// <param name="DefaultVariantKey">Shown when nothing else decides, and on any failure.</param>
/// <param name="Experiment">Optional experiment, used when no rule matched.</param>
/// <param name="Enabled">A disabled experience always shows its default.</param>
public sealed record ExperienceDefinition(
    string Placement,
    string Name,
    IReadOnlyList<VariantDefinition> Variants,
    IReadOnlyList<ExperienceRule> Rules,
    string DefaultVariantKey,
    ExperienceExperiment? Experiment = null,
    bool Enabled = true);
