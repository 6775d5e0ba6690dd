using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Templating;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Benchmarks;

/// <summary>Rendering a personalized greeting.</summary>
[MemoryDiagnoser]
public class LiquidBenchmarks
{
    private const string Greeting =
        "Good {{ context.greeting }}, {{ visitor.preferences.firstName | default: 'there' }}!{% if visitor.visits > 1 %} Welcome back.{% endif %}";

    private LiquidRenderer _renderer = null!;
    private LiquidRenderer _unmemoized = null!;
    private VisitorContext _context = null!;
    private VisitorProfile _profile = null!;
    private RequestContext _request = null!;

    /// <summary>Creates the renderer and parses the template once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var options = Options.Create(new LiquidOptions());
        var cache = new LiquidTemplateCache(new LiquidTemplateValidator(options), options);
        _renderer = new LiquidRenderer(cache, options, Options.Create(new ProfileOptions()), NullLogger<LiquidRenderer>.Instance);
        var unmemoized = Options.Create(new LiquidOptions { MemoizeOutput = false });
        _unmemoized = new LiquidRenderer(
            new LiquidTemplateCache(new LiquidTemplateValidator(unmemoized), unmemoized), unmemoized, Options.Create(new ProfileOptions()), NullLogger<LiquidRenderer>.Instance);
        _profile = BenchmarkData.Profile();
        _request = BenchmarkData.Request();
        _context = BenchmarkData.Context(_profile, _request);
        RenderGreeting();
        RenderGreetingWithoutMemo();
    }

    /// <summary>Renders the greeting for a visitor seen before (template parsed, output memoized: builds the memo key).</summary>
    /// <returns>The HTML.</returns>
    [Benchmark]
    public string RenderGreeting() => _renderer.Render(Greeting, _context).Html;

    /// <summary>
    /// The greeting as a page pays for it: the first render on a new request's context (output memoized), including
    /// creating the context, which is what a request does once anyway.
    /// </summary>
    /// <returns>The HTML.</returns>
    [Benchmark]
    public string RenderGreetingOnANewRequest() => _renderer.Render(Greeting, BenchmarkData.Context(_profile, _request)).Html;

    /// <summary>Renders the greeting through DotLiquid every time (<see cref="LiquidOptions.MemoizeOutput"/> off).</summary>
    /// <returns>The HTML.</returns>
    [Benchmark]
    public string RenderGreetingWithoutMemo() => _unmemoized.Render(Greeting, _context).Html;
}
