using BenchmarkDotNet.Running;

namespace UmbracoPersonalization.Benchmarks;

/// <summary>Runs benchmarks chosen on the command line (e.g. <c>--filter '*Condition*' --job short</c>).</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">BenchmarkDotNet arguments.</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
