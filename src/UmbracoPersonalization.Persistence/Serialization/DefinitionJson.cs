using System.Text.Json;
using UmbracoPersonalization.Core.Experiences;

namespace UmbracoPersonalization.Persistence.Serialization;

/// <summary>JSON for the variant, rule and experiment columns of an experience.</summary>
internal static class DefinitionJson
{
    public static string SerializeVariants(IReadOnlyList<VariantDefinition> variants) =>
        JsonSerializer.Serialize([.. variants], PersistenceJsonContext.Default.ListVariantDefinition);

    public static IReadOnlyList<VariantDefinition> DeserializeVariants(string json) =>
        JsonSerializer.Deserialize(json, PersistenceJsonContext.Default.ListVariantDefinition) ?? [];

    public static string SerializeRules(IReadOnlyList<ExperienceRule> rules) =>
        JsonSerializer.Serialize([.. rules], PersistenceJsonContext.Default.ListExperienceRule);

    public static IReadOnlyList<ExperienceRule> DeserializeRules(string json) =>
        JsonSerializer.Deserialize(json, PersistenceJsonContext.Default.ListExperienceRule) ?? [];

    public static string? SerializeExperiment(ExperienceExperiment? experiment) =>
        experiment is null ? null : JsonSerializer.Serialize(experiment, PersistenceJsonContext.Default.ExperienceExperiment);

    public static ExperienceExperiment? DeserializeExperiment(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, PersistenceJsonContext.Default.ExperienceExperiment);
}
