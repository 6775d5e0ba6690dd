using System.Text.Json;
using BenchmarkDotNet.Attributes;
using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Benchmarks;

/// <summary>
/// Evaluating compiled conditions from the shared peer cases (<c>../shared/bench/peer-cases.json</c> next to the
/// repository root, or <c>PEER_CASES</c>) against attributes held in an <see cref="AttributeDictionary"/>.
/// </summary>
[MemoryDiagnoser]
public class ConditionBenchmarks
{
    private readonly AttributeDictionary _attributes = new();
    private Condition _simple = Condition.Always;
    private Condition _three = Condition.Always;
    private Condition _twenty = Condition.Always;
    private string _twentyJson = "{}";

    /// <summary>Loads the cases and compiles the conditions once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(FindCases()));
        foreach (var attribute in document.RootElement.GetProperty("attributes").EnumerateObject())
        {
            _attributes.Set(attribute.Name, AttributeValue.FromJson(attribute.Value));
        }

        var conditions = document.RootElement.GetProperty("conditions");
        _simple = Condition.Parse(conditions.GetProperty("simple"));
        _three = Condition.Parse(conditions.GetProperty("three"));
        _twenty = Condition.Parse(conditions.GetProperty("twenty"));
        _twentyJson = conditions.GetProperty("twenty").GetRawText();
        if (!_simple.IsMatch(_attributes) || !_three.IsMatch(_attributes) || !_twenty.IsMatch(_attributes))
        {
            throw new InvalidOperationException("The peer cases are expected to match their attributes.");
        }
    }

    /// <summary>One implicit equality.</summary>
    /// <returns>The match.</returns>
    [Benchmark(Baseline = true)]
    public bool Simple() => _simple.IsMatch(_attributes);

    /// <summary>Equality, a regex on a dotted path and a version comparison.</summary>
    /// <returns>The match.</returns>
    [Benchmark]
    public bool Three() => _three.IsMatch(_attributes);

    /// <summary>Twenty clauses of mixed operators, including one regex.</summary>
    /// <returns>The match.</returns>
    [Benchmark]
    public bool Twenty() => _twenty.IsMatch(_attributes);

    /// <summary>Compiling the twenty-clause condition (save time, not request time).</summary>
    /// <returns>The condition.</returns>
    [Benchmark]
    public Condition ParseTwenty() => Condition.Parse(_twentyJson);

    private static string FindCases()
    {
        var configured = Environment.GetEnvironmentVariable("PEER_CASES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "UmbracoPersonalization.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "bench", "peer-cases.json"));
            }
        }

        throw new FileNotFoundException("peer-cases.json not found: set PEER_CASES or place it at ../shared/bench/ next to the repository root.");
    }
}
