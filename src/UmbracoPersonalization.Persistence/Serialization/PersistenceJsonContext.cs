using System.Text.Json.Serialization;
using UmbracoPersonalization.Core.Experiences;

namespace UmbracoPersonalization.Persistence.Serialization;

/// <summary>Source-generated System.Text.Json metadata for every JSON column (no reflection at run time).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(ProfileDocument))]
[JsonSerializable(typeof(EventDataDocument))]
[JsonSerializable(typeof(List<VariantDefinition>))]
[JsonSerializable(typeof(List<ExperienceRule>))]
[JsonSerializable(typeof(ExperienceExperiment))]
internal sealed partial class PersistenceJsonContext : JsonSerializerContext
{
}
