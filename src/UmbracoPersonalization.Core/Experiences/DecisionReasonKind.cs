namespace UmbracoPersonalization.Core.Experiences;

/// <summary>Why one step of a decision went the way it did.</summary>
public enum DecisionReasonKind
{
    /// <summary>A rule matched and decided.</summary>
    RuleMatched = 0,

    /// <summary>A rule was checked and did not match.</summary>
    RuleNotMatched,

    /// <summary>An experiment assigned an arm.</summary>
    ExperimentAssigned,

    /// <summary>An experiment did not include the visitor (coverage, targeting, missing id).</summary>
    ExperimentSkipped,

    /// <summary>The default variant was used because nothing else decided, or something failed.</summary>
    Fallback,

    /// <summary>An editor's segment preview forced the segment.</summary>
    Preview,

    /// <summary>Code overrode the decision (e.g. a notification handler).</summary>
    Overridden,

    /// <summary>The visitor paused personalization in the preference centre: the default variant is shown.</summary>
    Paused,
}
