using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Composing;
using Umbraco.Cms.Core.Configuration.Models;
using Umbraco.Cms.Core.DependencyInjection;

namespace UmbracoPersonalization.Site.Hosting;

/// <summary>
/// Composes services with Umbraco.Cms.Core's real <see cref="UmbracoBuilder"/>, the way an Umbraco site's
/// <c>AddUmbraco()</c> does: composers in assemblies that reference Umbraco (the package's among them) run.
/// </summary>
internal static class UmbracoHosting
{
    /// <summary>Creates the builder; call <c>AddComposers()</c> and <c>Build()</c> on it.</summary>
    public static IUmbracoBuilder CreateUmbracoBuilder(this WebApplicationBuilder builder, Assembly entryAssembly)
    {
        var loggerFactory = NullLoggerFactory.Instance;
        var assemblyProvider = new DefaultUmbracoAssemblyProvider(entryAssembly, loggerFactory, []);
        var typeFinder = new TypeFinder(
            loggerFactory.CreateLogger<TypeFinder>(),
            assemblyProvider,
            [],
            new TypeFinderConfig(Options.Create(new TypeFinderSettings())));
        var typeLoader = new TypeLoader(typeFinder, loggerFactory.CreateLogger<TypeLoader>(), assemblyProvider.Assemblies);
        return new UmbracoBuilder(builder.Services, builder.Configuration, typeLoader);
    }
}
