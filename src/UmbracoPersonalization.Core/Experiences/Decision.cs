namespace UmbracoPersonalization.Core.Experiences;

/// <summary>The variant chosen for a visitor in a placement, with the reasons (explainable).</summary>
/// <param name="Placement">The placement alias.</param>
/// <param name="Variant">The chosen variant; <c>null</c> only when the placement is unknown.</param>
/// <param name="Reasons">The steps that led here, in order.</param>
/// <param name="IsFallback">Whether the default was used because nothing decided or something failed.</param>
/// <param name="ExperimentKey">The experiment that assigned the variant, if any.</param>
/// <param name="ExperimentArm">The assigned arm index, if any.</param>
public sealed record Decision(
    string Placement,
    VariantDefinition? Variant,
    IReadOnlyList<DecisionReason> Reasons,
    bool IsFallback,
    string? ExperimentKey = null,
    int? ExperimentArm = null);
