using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Benchmarks;

/// <summary>Deciding a page of 10 placements over 100 segments.</summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private Personalizer _personalizer = null!;
    private DefinitionSnapshot _snapshot = null!;
    private VisitorProfile _profile = null!;
    private RequestContext _request = null!;
    private VisitorContext _warm = null!;
    private VisitorAttributes _attributes = null!;

    /// <summary>Compiles the definitions and warms one request.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var holder = new DefinitionSnapshotHolder();
        _snapshot = holder.Update(BenchmarkData.Definitions());
        var options = Options.Create(new ProfileOptions());
        _personalizer = new Personalizer(holder, new SegmentEvaluator(holder, options), NullLogger<Personalizer>.Instance);
        _profile = BenchmarkData.Profile();
        _request = BenchmarkData.Request();
        _warm = BenchmarkData.Context(_profile, _request);
        _attributes = VisitorAttributes.For(_warm, options.Value);
        DecidePage_SameRequest();
    }

    /// <summary>10 placements for a request whose memberships are already computed (steady state).</summary>
    /// <returns>A decision, so the work is not optimized away.</returns>
    [Benchmark(Baseline = true)]
    public Decision DecidePage_SameRequest()
    {
        Decision last = null!;
        foreach (var placement in BenchmarkData.Placements)
        {
            last = _personalizer.Decide(placement, _warm);
        }

        return last;
    }

    /// <summary>10 placements for a new request: builds attributes and evaluates the segments the rules ask about.</summary>
    /// <returns>A decision.</returns>
    [Benchmark]
    public Decision DecidePage_NewRequest()
    {
        var context = BenchmarkData.Context(_profile, _request);
        Decision last = null!;
        foreach (var placement in BenchmarkData.Placements)
        {
            last = _personalizer.Decide(placement, context);
        }

        return last;
    }

    /// <summary>All 100 segment conditions over prepared attributes.</summary>
    /// <returns>How many matched.</returns>
    [Benchmark]
    public int Evaluate100Segments()
    {
        var matched = 0;
        var segments = _snapshot.Segments;
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i].IsMatch(_attributes))
            {
                matched++;
            }
        }

        return matched;
    }
}
