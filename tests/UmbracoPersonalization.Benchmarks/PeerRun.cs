using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace UmbracoPersonalization.Benchmarks;

/// <summary>
/// <c>--peers</c>: runs our peer-case benchmarks and Microsoft.FeatureManagement's with BenchmarkDotNet, GrowthBook's
/// JavaScript SDK with Node, then prints one row per case and peer with the ratio ours/theirs (below 1: we are faster).
/// </summary>
internal static class PeerRun
{
    private const string Ours = "ours";
    private const string GrowthBookJs = "GrowthBook JS";

    private static readonly (string Case, string Ours, string Peer, string Theirs)[] Pairs =
    [
        ("condition simple", "ConditionBenchmarks.Simple", GrowthBookJs, "condition-simple"),
        ("condition simple", "ConditionBenchmarks.Simple", "FeatureManagement filter", "FeatureManagementBenchmarks.FilterSimple"),
        ("condition simple", "ConditionBenchmarks.Simple", "FeatureManagement manager", "FeatureManagementBenchmarks.ManagerSimple"),
        ("condition three", "ConditionBenchmarks.Three", GrowthBookJs, "condition-three"),
        ("condition three", "ConditionBenchmarks.Three", "FeatureManagement filter", "FeatureManagementBenchmarks.FilterThree"),
        ("condition three", "ConditionBenchmarks.Three", "FeatureManagement manager", "FeatureManagementBenchmarks.ManagerThree"),
        ("condition twenty", "ConditionBenchmarks.Twenty", GrowthBookJs, "condition-twenty"),
        ("condition twenty", "ConditionBenchmarks.Twenty", "FeatureManagement filter", "FeatureManagementBenchmarks.FilterTwenty"),
        ("condition twenty", "ConditionBenchmarks.Twenty", "FeatureManagement manager", "FeatureManagementBenchmarks.ManagerTwenty"),
        ("experiment assignment", "ExperimentBenchmarks.Run", GrowthBookJs, "experiment-assignment"),
        ("experiment assignment", "ExperimentBenchmarks.Run", "FeatureManagement manager", "FeatureManagementBenchmarks.ManagerAssignment"),
        ("hash + bucket only", "ExperimentBenchmarks.HashAndChoose", "FeatureManagement filter (rollout)", "FeatureManagementBenchmarks.FilterRollout"),
    ];

    /// <summary>Runs everything and prints the table.</summary>
    /// <param name="args">BenchmarkDotNet arguments (e.g. <c>--job short</c>); <c>--js-smoke</c> runs the JS cases once.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args)
    {
        var jsArguments = args.Contains("--js-smoke") ? new[] { "--smoke" } : [];
        var summaries = BenchmarkSwitcher
            .FromTypes([typeof(ConditionBenchmarks), typeof(ExperimentBenchmarks), typeof(FeatureManagementBenchmarks)])
            .RunAll(BenchmarkConfig.Create(), args.Where(a => a != "--js-smoke").ToArray());
        var measured = summaries.SelectMany(FromSummary).ToList();
        var (javaScript, jsResults) = NodeHarness.Run(jsArguments);
        measured.AddRange(jsResults);

        var byName = measured.GroupBy(m => m.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var table = Table(byName, javaScript);
        Console.WriteLine();
        Console.WriteLine(table);

        var folder = Path.GetFullPath(Path.Combine("BenchmarkDotNet.Artifacts", "results"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "peers.md"), table);
        File.WriteAllText(Path.Combine(folder, "peers.json"), JsonSerializer.Serialize(measured, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"peers: written to {folder}/peers.md and peers.json");
        return Pairs.All(p => byName.ContainsKey(p.Ours) && byName.ContainsKey(p.Theirs)) ? 0 : 1;
    }

    private static IEnumerable<Measurement> FromSummary(Summary summary)
    {
        foreach (var report in summary.Reports)
        {
            var benchmark = report.BenchmarkCase;
            if (report.ResultStatistics is not { } statistics)
            {
                continue;
            }

            var type = benchmark.Descriptor.Type.Name;
            yield return new Measurement(
                type.StartsWith("FeatureManagement", StringComparison.Ordinal) ? "FeatureManagement" : Ours,
                $"{type}.{benchmark.Descriptor.WorkloadMethod.Name}",
                statistics.Mean,
                statistics.Percentiles.Percentile(95),
                statistics.Percentiles.Percentile(99),
                report.GcStats.GetBytesAllocatedPerOperation(benchmark));
        }
    }

    private static string Table(Dictionary<string, Measurement> byName, string javaScript)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Peers on the shared cases (GrowthBook: {javaScript}; .NET {Environment.Version}); times in ns per operation, ratio = ours / theirs (below 1: ours is faster).");
        text.AppendLine();
        text.AppendLine("| case | peer | ours mean | ours p95 | ours p99 | ours B/op | theirs mean | theirs p95 | theirs p99 | theirs B/op | ours/theirs |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, ours, peer, theirs) in Pairs)
        {
            if (!byName.TryGetValue(ours, out var o) || !byName.TryGetValue(theirs, out var t))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {peer} | missing: {(byName.ContainsKey(ours) ? theirs : ours)} |");
                continue;
            }

            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {peer} | {Ns(o.MeanNs)} | {Ns(o.P95Ns)} | {Ns(o.P99Ns)} | {Bytes(o.AllocatedBytes)} | {Ns(t.MeanNs)} | {Ns(t.P95Ns)} | {Ns(t.P99Ns)} | {Bytes(t.AllocatedBytes)} | {o.MeanNs / t.MeanNs:0.000} |");
        }

        return text.ToString();
    }

    private static string Ns(double value) => value.ToString(value < 100 ? "0.0" : "#,0", CultureInfo.InvariantCulture);

    private static string Bytes(long? value) => value is { } bytes ? bytes.ToString("#,0", CultureInfo.InvariantCulture) : "n/a";
}
