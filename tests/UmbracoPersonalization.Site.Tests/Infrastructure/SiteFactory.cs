using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace UmbracoPersonalization.Site.Tests.Infrastructure;

/// <summary>
/// The demo site through its real <c>Program</c>, over a data folder of the test's own (SQLite file and
/// Data Protection key ring), so a second factory over the same folder is a restart of the same site.
/// </summary>
public sealed class SiteFactory : WebApplicationFactory<Program>
{
    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <summary>Creates a factory over <paramref name="dataFolder"/>.</summary>
    public SiteFactory(
        string dataFolder,
        IReadOnlyDictionary<string, string?>? settings = null,
        string environment = "Development")
    {
        DataFolder = dataFolder;
        _environment = environment;
        _settings = settings ?? new Dictionary<string, string?>();
    }

    /// <summary>The site's data folder.</summary>
    public string DataFolder { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Umbraco:Personalization:DataFolder", DataFolder);

        // A cold first Liquid render on a busy machine can exceed the production default (100 ms) and fall back.
        builder.UseSetting("Umbraco:Personalization:Liquid:RenderTimeout", "00:00:30");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
