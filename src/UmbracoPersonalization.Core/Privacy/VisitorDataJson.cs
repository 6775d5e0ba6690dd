using System.Text.Json;
using System.Text.Json.Serialization;

namespace UmbracoPersonalization.Core.Privacy;

/// <summary>Source-generated JSON for data-subject exports and audit counts.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VisitorDataExport))]
[JsonSerializable(typeof(VisitorErasureResult))]
public sealed partial class VisitorDataJson : JsonSerializerContext
{
    /// <summary>The export as an indented JSON document (camelCase, enums as strings).</summary>
    public static string Serialize(VisitorDataExport export)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            JsonSerializer.Serialize(writer, export, Default.VisitorDataExport);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
