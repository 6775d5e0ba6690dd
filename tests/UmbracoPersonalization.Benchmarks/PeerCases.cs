using System.Text.Json;
using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Benchmarks;

/// <summary>
/// The shared peer cases (<c>../shared/bench/peer-cases.json</c> next to the repository root, or <c>PEER_CASES</c>),
/// read at run time so every peer (ours, GrowthBook JS, FeatureManagement) evaluates the same input.
/// </summary>
internal sealed class PeerCases : IDisposable
{
    private readonly JsonDocument _document;

    private PeerCases(JsonDocument document) => _document = document;

    /// <summary>Gets the visitor's attributes as JSON.</summary>
    public JsonElement Attributes => _document.RootElement.GetProperty("attributes");

    /// <summary>Gets the named conditions (<c>simple</c>, <c>three</c>, <c>twenty</c>).</summary>
    public JsonElement Conditions => _document.RootElement.GetProperty("conditions");

    /// <summary>Gets the experiment in GrowthBook's JSON.</summary>
    public JsonElement Experiment => _document.RootElement.GetProperty("experiment");

    /// <summary>Loads the cases file.</summary>
    /// <returns>The cases; dispose when done.</returns>
    public static PeerCases Load() => new(JsonDocument.Parse(File.ReadAllText(FindFile())));

    /// <summary>Copies the attributes into an attribute dictionary.</summary>
    /// <returns>The dictionary.</returns>
    public AttributeDictionary ToAttributeDictionary()
    {
        var attributes = new AttributeDictionary();
        foreach (var attribute in Attributes.EnumerateObject())
        {
            attributes.Set(attribute.Name, AttributeValue.FromJson(attribute.Value));
        }

        return attributes;
    }

    /// <summary>Finds the cases file: <c>PEER_CASES</c>, else <c>../shared/bench/peer-cases.json</c> beside the repository root.</summary>
    /// <returns>The full path.</returns>
    public static string FindFile()
    {
        var configured = Environment.GetEnvironmentVariable("PEER_CASES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        return Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "bench", "peer-cases.json"));
    }

    /// <summary>Finds the repository root (the folder holding the solution) above the running assembly.</summary>
    /// <returns>The full path.</returns>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "UmbracoPersonalization.sln")))
            {
                return directory.FullName;
            }
        }

        throw new FileNotFoundException("The repository root (UmbracoPersonalization.sln) is not above " + AppContext.BaseDirectory);
    }

    /// <inheritdoc />
    public void Dispose() => _document.Dispose();
}
