using BenchmarkDotNet.Attributes;
using UmbracoPersonalization.Core.Experiments;

namespace UmbracoPersonalization.Benchmarks;

/// <summary>
/// Assigning the peer-cases visitor to the peer-cases experiment (three variations, 34/33/33, coverage 0.9, hash v2):
/// the full GrowthBook <c>run</c> (the peer of GrowthBook JS's <c>gb.run</c>) and the hash + bucket primitives alone.
/// </summary>
[MemoryDiagnoser]
public class ExperimentBenchmarks
{
    private ExperimentDefinition _experiment = null!;
    private EvaluationContext _context = null!;
    private BucketRange[] _ranges = [];
    private string _seed = string.Empty;
    private string _visitorId = string.Empty;

    /// <summary>Parses the experiment and builds the visitor's context once (as a request would, once per visitor).</summary>
    [GlobalSetup]
    public void Setup()
    {
        using var cases = PeerCases.Load();
        _experiment = ExperimentDefinition.Parse(cases.Experiment);
        var attributes = cases.ToAttributeDictionary();
        _context = new EvaluationContext { Attributes = attributes };
        _seed = _experiment.Key;
        _visitorId = cases.Attributes.GetProperty("id").GetString()!;
        _ranges = BucketRanges.Get(_experiment.Variations.Count, _experiment.Coverage ?? 1, _experiment.Weights);
        var result = ExperimentRunner.Run(_experiment, _context);
        if (!result.InExperiment || result.VariationId != HashAndChoose())
        {
            throw new InvalidOperationException("The peer visitor is expected to be in the experiment, in the same variation both ways.");
        }
    }

    /// <summary>GrowthBook's full <c>run</c>: overrides, targeting, hash, ranges, result object.</summary>
    /// <returns>The variation index.</returns>
    [Benchmark(Baseline = true)]
    public int Run() => ExperimentRunner.Run(_experiment, _context).VariationId;

    /// <summary>Only the assignment primitives: hash v2 of seed + id and the pre-computed bucket ranges.</summary>
    /// <returns>The variation index.</returns>
    [Benchmark]
    public int HashAndChoose() =>
        GrowthBookHash.Hash(_seed, _visitorId, 2) is { } bucket ? VariationChooser.Choose(bucket, _ranges) : -1;
}
