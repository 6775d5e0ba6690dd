using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core.Models.PublishedContent;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Web.Consent;
using UmbracoPersonalization.Web.DependencyInjection;
using UmbracoPersonalization.Web.Middleware;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Tests.DependencyInjection;

public sealed class RegistrationTests
{
    private static IConfiguration EmptyConfiguration() => new ConfigurationBuilder().Build();

    [Fact]
    public void AddPersonalization_Twice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddPersonalization(EmptyConfiguration());
        var count = services.Count;

        services.AddPersonalization(EmptyConfiguration());

        Assert.Equal(count, services.Count);
        Assert.Single(services, d => d.ImplementationType == typeof(PersonalizationStartupFilter));
    }

    [Fact]
    public void AddPersonalization_KeepsServicesTheHostRegisteredFirst()
    {
        var services = new ServiceCollection();
        var mine = new FixedConsentProvider();
        services.AddSingleton<IConsentProvider>(mine);

        services.AddPersonalization(EmptyConfiguration());

        Assert.Single(services, d => d.ServiceType == typeof(IConsentProvider));
    }

    [Fact]
    public async Task ComposedSite_ResolvesThePublicSurface()
    {
        await using var site = await TestSite.TestSite.StartAsync();

        Assert.IsType<Personalizer>(site.GetRequiredService<IPersonalizer>());
        Assert.NotNull(site.GetRequiredService<IVariationContextAccessor>());
        Assert.NotNull(site.GetRequiredService<IVisitorContextAccessor>());
        Assert.IsType<CookieConsentProvider>(site.GetRequiredService<IConsentProvider>());
        Assert.Contains(site.Services.GetServices<IStartupFilter>(), f => f is PersonalizationStartupFilter);
    }

    private sealed class FixedConsentProvider : IConsentProvider
    {
        public UmbracoPersonalization.Core.Consent.ConsentState GetConsent(Microsoft.AspNetCore.Http.HttpContext httpContext) =>
            UmbracoPersonalization.Core.Consent.ConsentState.Undecided;
    }
}
