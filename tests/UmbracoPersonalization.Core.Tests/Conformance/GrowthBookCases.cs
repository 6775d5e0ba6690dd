using System.Text.Json;

namespace UmbracoPersonalization.Core.Tests.Conformance;

/// <summary>
/// Loads GrowthBook's cross-SDK cases file: <c>GROWTHBOOK_CASES</c>, else <c>../shared/conformance/growthbook-cases.json</c>
/// next to the repository root (the folder holding UmbracoPersonalization.sln). The file is not copied into the repo.
/// </summary>
public static class GrowthBookCases
{
    private static readonly Lazy<(string? Path, JsonDocument? Document)> Loaded = new(Load);

    /// <summary>Gets the reason tests are skipped when the file cannot be found.</summary>
    public static string MissingReason =>
        "GrowthBook cases file not found: set GROWTHBOOK_CASES or place it at ../shared/conformance/growthbook-cases.json next to the repository root.";

    /// <summary>Gets a value indicating whether the cases file was found.</summary>
    public static bool Available => Loaded.Value.Document is not null;

    /// <summary>Gets one row per case in a section: (section, index, name). One placeholder row when the file is absent.</summary>
    /// <param name="section">The section, e.g. <c>evalCondition</c>.</param>
    /// <returns>Serializable rows, so each case shows as its own test.</returns>
    public static IEnumerable<object[]> Rows(string section)
    {
        var document = Loaded.Value.Document;
        if (document is null || !document.RootElement.TryGetProperty(section, out var cases))
        {
            yield return [section, -1, "(cases file not found)"];
            yield break;
        }

        var index = 0;
        foreach (var item in cases.EnumerateArray())
        {
            var first = item[0];
            var name = first.ValueKind == JsonValueKind.String && first.GetString() is { Length: > 0 } text
                ? text
                : $"{section} {item.GetRawText()}";
            yield return [section, index++, name];
        }
    }

    /// <summary>Gets one case, skipping the test when the file is absent.</summary>
    /// <param name="section">The section.</param>
    /// <param name="index">The case index.</param>
    /// <returns>The case (a JSON array).</returns>
    public static JsonElement Get(string section, int index)
    {
        Skip.If(!Available || index < 0, MissingReason);
        return Loaded.Value.Document!.RootElement.GetProperty(section)[index];
    }

    private static (string? Path, JsonDocument? Document) Load()
    {
        var path = SharedFiles.Find("GROWTHBOOK_CASES", Path.Combine("conformance", "growthbook-cases.json"));
        return path is null ? (null, null) : (path, JsonDocument.Parse(File.ReadAllText(path)));
    }
}
