using System.Text.Json.Serialization;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;

namespace UmbracoPersonalization.Core.Definitions;

/// <summary>Source-generated JSON for definitions in audit entries (before/after).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SegmentDefinition))]
[JsonSerializable(typeof(ExperienceDefinition))]
internal sealed partial class DefinitionAuditJson : JsonSerializerContext
{
}
