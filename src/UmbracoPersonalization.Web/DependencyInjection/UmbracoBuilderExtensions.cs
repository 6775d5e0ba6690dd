using Umbraco.Cms.Core.DependencyInjection;

namespace UmbracoPersonalization.Web.DependencyInjection;

/// <summary>Registers the package on Umbraco's builder.</summary>
public static class UmbracoBuilderExtensions
{
    /// <summary>
    /// Registers UmbracoPersonalization: settings from <c>Umbraco:Personalization</c>, the engine, storage,
    /// middleware, consent endpoint, view components and tag helpers. The package's composer calls it for you;
    /// calling it again has no further effect.
    /// </summary>
    public static IUmbracoBuilder AddPersonalization(this IUmbracoBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddPersonalization(builder.Config);
        return builder;
    }
}
