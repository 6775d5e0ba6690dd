using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace UmbracoPersonalization.Benchmarks;

/// <summary>What every benchmark here reports: mean, p95, p99 and allocated bytes per operation.</summary>
internal static class BenchmarkConfig
{
    /// <summary>BenchmarkDotNet's default config (loggers, exporters, columns) plus p95, p99 and the memory diagnoser.</summary>
    /// <returns>The config.</returns>
    public static IConfig Create() =>
        ManualConfig.Create(DefaultConfig.Instance)
            .AddColumn(StatisticColumn.P95, new PercentileColumn(99))
            .AddDiagnoser(MemoryDiagnoser.Default);
}
