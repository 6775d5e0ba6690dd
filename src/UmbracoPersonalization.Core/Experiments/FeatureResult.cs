using System.Text.Json;

namespace UmbracoPersonalization.Core.Experiments;

/// <summary>The value of a feature for one visitor, and why.</summary>
public sealed record FeatureResult
{
    /// <summary>Gets the value (a JSON null element when the feature has none).</summary>
    public JsonElement Value { get; init; }

    /// <summary>Gets a value indicating whether the value is truthy (JavaScript rules: not null, false, 0 or "").</summary>
    public bool On { get; init; }

    /// <summary>Gets a value indicating whether the value is falsy.</summary>
    public bool Off => !On;

    /// <summary>Gets why the feature has this value.</summary>
    public FeatureResultSource Source { get; init; }

    /// <summary>Gets the id of the rule that applied (empty when none or unnamed).</summary>
    public string RuleId { get; init; } = string.Empty;

    /// <summary>Gets the experiment, when <see cref="Source"/> is <see cref="FeatureResultSource.Experiment"/>.</summary>
    public ExperimentDefinition? Experiment { get; init; }

    /// <summary>Gets the experiment result, when <see cref="Source"/> is <see cref="FeatureResultSource.Experiment"/>.</summary>
    public ExperimentResult? ExperimentResult { get; init; }

    /// <summary>Gets exposures to report because the applied force rule carried them.</summary>
    public IReadOnlyList<FeatureRuleTrack> Tracks { get; init; } = [];
}
