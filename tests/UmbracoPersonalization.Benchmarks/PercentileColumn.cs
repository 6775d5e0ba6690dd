using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace UmbracoPersonalization.Benchmarks;

/// <summary>A percentile of the per-iteration means, in the summary's time unit (BenchmarkDotNet has P95 built in, not P99).</summary>
internal sealed class PercentileColumn(int percentile) : IColumn
{
    /// <inheritdoc />
    public string Id => "Percentile" + percentile;

    /// <inheritdoc />
    public string ColumnName => "P" + percentile;

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Statistics;

    /// <inheritdoc />
    public int PriorityInCategory => 10 + percentile;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Time;

    /// <inheritdoc />
    public string Legend => $"Percentile {percentile} of the iteration means";

    /// <summary>Gets the percentile of a benchmark in nanoseconds, or null when it did not run.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="benchmarkCase">The benchmark.</param>
    /// <param name="percentile">0 to 100.</param>
    /// <returns>Nanoseconds.</returns>
    public static double? Nanoseconds(Summary summary, BenchmarkCase benchmarkCase, int percentile) =>
        summary[benchmarkCase]?.ResultStatistics?.Percentiles.Percentile(percentile);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        Nanoseconds(summary, benchmarkCase, percentile) is not { } value ? "NA"
        : style.TimeUnit is { } unit ? (value / unit.BaseUnits).ToString("N2", style.CultureInfo) + (style.PrintUnitsInContent ? " " + unit.Abbreviation : string.Empty)
        : value.ToString("N2", style.CultureInfo) + " ns";

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
