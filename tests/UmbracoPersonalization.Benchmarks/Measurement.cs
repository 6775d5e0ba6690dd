namespace UmbracoPersonalization.Benchmarks;

/// <summary>One benchmark's result, in nanoseconds per operation.</summary>
/// <param name="Source">Who was measured (ours, GrowthBook JS, FeatureManagement …).</param>
/// <param name="Name">The benchmark (<c>Type.Method</c>, or the harness's case name).</param>
/// <param name="MeanNs">Mean.</param>
/// <param name="P95Ns">95th percentile of the iteration means.</param>
/// <param name="P99Ns">99th percentile of the iteration means.</param>
/// <param name="AllocatedBytes">Bytes allocated per operation; null where not measured (JavaScript).</param>
internal sealed record Measurement(string Source, string Name, double MeanNs, double P95Ns, double P99Ns, long? AllocatedBytes);
