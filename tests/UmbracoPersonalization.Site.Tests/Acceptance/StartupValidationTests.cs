using System.Diagnostics;
using UmbracoPersonalization.Site.Tests.Infrastructure;
using UmbracoPersonalization.Site.Tests.Publishing;

namespace UmbracoPersonalization.Site.Tests.Acceptance;

/// <summary>
/// Start-up validation as an operator sees it: the real site process, started with a wrong setting, stops with a
/// message naming the key. (WebApplicationFactory races its own disposal when a top-level Program fails to start, so
/// it sometimes reports an ObjectDisposedException instead of the start-up error: a process is the faithful test.)
/// </summary>
public sealed class StartupValidationTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Theory]
    [InlineData("Umbraco:Personalization:SiteTimeZone", "Mars/Base")]
    [InlineData("Umbraco:Personalization:VisitorCookieName", "bad name;")]
    public async Task InvalidSetting_FailsStartUp_NamingTheKey(string key, string value)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(SiteAssembly());
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(SiteFolder());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Umbraco__Personalization__DataFolder"] = _data.Path;
        start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        using var site = Process.Start(start)!;
        var output = site.StandardOutput.ReadToEndAsync();
        var errors = site.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await site.WaitForExitAsync(limit.Token); // a site that starts anyway never exits: the test then fails
        }
        finally
        {
            if (!site.HasExited)
            {
                site.Kill(entireProcessTree: true);
            }
        }

        Assert.NotEqual(0, site.ExitCode);
        Assert.Contains(key, await output + await errors, StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();

    private static string SiteFolder() => Path.GetDirectoryName(ContentCatalogTests.SiteContentFolder())!;

    /// <summary>The site as its own build left it (same configuration as this test run), with its own dependency manifest.</summary>
    private static string SiteAssembly()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        return Path.Combine(SiteFolder(), "bin", configuration, framework.Name, "UmbracoPersonalization.Site.dll");
    }
}
