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
    private AttributeDictionary _attributes = new();
    private Condition _simple = Condition.Always;
    private Condition _three = Condition.Always;
    private Condition _twenty = Condition.Always;
    private string _twentyJson = "{}";

    /// <summary>Loads the cases and compiles the conditions once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        using var cases = PeerCases.Load();
        _attributes = cases.ToAttributeDictionary();
        var conditions = cases.Conditions;
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
}
