using System.Diagnostics;
using System.Text.Json;

namespace UmbracoPersonalization.Benchmarks;

/// <summary>Runs the GrowthBook JavaScript harness (<c>peers/js/bench.mjs</c>) with Node and reads its JSON.</summary>
internal static class NodeHarness
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>Gets the harness folder in the repository.</summary>
    public static string Folder => Path.Combine(PeerCases.RepositoryRoot(), "tests", "UmbracoPersonalization.Benchmarks", "peers", "js");

    /// <summary>Installs the harness's locked packages when missing (<c>npm ci</c>), then runs it.</summary>
    /// <param name="arguments">Extra harness arguments (e.g. <c>--smoke</c>).</param>
    /// <returns>The SDK and runtime description, and one measurement per case.</returns>
    public static (string Description, IReadOnlyList<Measurement> Results) Run(params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "@growthbook", "growthbook")))
        {
            Console.WriteLine("peers: npm ci in " + Folder);
            Execute("npm", ["ci", "--no-audit", "--no-fund"], echo: true);
        }

        Console.WriteLine("peers: node bench.mjs " + string.Join(' ', arguments));
        var output = Execute("node", ["bench.mjs", "--cases", PeerCases.FindFile(), .. arguments], echo: false);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        var source = "GrowthBook JS";
        var results = root.GetProperty("results").EnumerateArray()
            .Select(r => new Measurement(
                source,
                r.GetProperty("name").GetString()!,
                r.GetProperty("meanNs").GetDouble(),
                r.GetProperty("p95Ns").GetDouble(),
                r.GetProperty("p99Ns").GetDouble(),
                null))
            .ToList();
        return ($"{root.GetProperty("sdk").GetString()} on {root.GetProperty("runtime").GetString()}", results);
    }

    private static string Execute(string fileName, IEnumerable<string> arguments, bool echo)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {Timeout}.");
        }

        if (echo)
        {
            Console.WriteLine(output.Result);
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} exited with {process.ExitCode}: {error.Result}");
        }

        return output.Result;
    }
}
