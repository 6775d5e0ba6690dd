using System.Text.Json;

namespace UmbracoPersonalization.Core.Experiments;

/// <summary>An exposure to report when a force rule carrying it applies (remotely evaluated experiments).</summary>
/// <param name="Experiment">The experiment JSON, as given.</param>
/// <param name="Result">The result JSON, as given.</param>
public sealed record FeatureRuleTrack(JsonElement Experiment, JsonElement Result);
