namespace UmbracoPersonalization.Core.Experiments;

/// <summary>Why a feature has its value (GrowthBook's <c>source</c>).</summary>
public enum FeatureResultSource
{
    /// <summary>The feature is not defined.</summary>
    UnknownFeature,

    /// <summary>No rule applied; the default value is used.</summary>
    DefaultValue,

    /// <summary>A force (or rollout) rule applied.</summary>
    Force,

    /// <summary>The visitor is in an experiment rule.</summary>
    Experiment,

    /// <summary>The value was forced in the evaluation context.</summary>
    Override,

    /// <summary>A gating prerequisite failed; the value is null.</summary>
    Prerequisite,

    /// <summary>Prerequisites form a cycle; the value is null.</summary>
    CyclicPrerequisite,
}
