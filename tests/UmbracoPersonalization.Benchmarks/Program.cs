using BenchmarkDotNet.Running;

namespace UmbracoPersonalization.Benchmarks;

/// <summary>
/// Runs benchmarks chosen on the command line (e.g. <c>--filter '*Condition*' --job short</c>); <c>--peers</c> runs
/// ours and the peers (GrowthBook JS, Microsoft.FeatureManagement) on the shared cases and prints ours/theirs;
/// <c>--ingest</c> measures sustained event ingestion into SQLite; <c>--profile-memory</c> the memory of a loaded
/// profile; <c>--smoke</c> runs every benchmark method once.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">BenchmarkDotNet arguments, optionally preceded by <c>--peers</c>, <c>--ingest</c> or <c>--smoke</c>.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        if (args is ["--smoke", ..])
        {
            return SmokeRun.Run();
        }

        if (args is ["--ingest", .. var options])
        {
            return IngestionRun.RunAsync(options).GetAwaiter().GetResult();
        }

        if (args is ["--profile-memory", ..])
        {
            return ProfileMemoryRun.Run();
        }

        if (args is ["--peers", .. var rest])
        {
            return PeerRun.Run(rest);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.Create());
        return 0;
    }
}
