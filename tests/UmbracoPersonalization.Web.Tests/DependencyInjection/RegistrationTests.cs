using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Web.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core.Models.PublishedContent;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Web.Consent;
using UmbracoPersonalization.Web.DependencyInjection;
using UmbracoPersonalization.Web.Middleware;
using UmbracoPersonalization.Web.Visitors;
using Umbraco.Cms.Core.DeliveryApi;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Services;
using UmbracoPersonalization.Web.Caching;
using UmbracoPersonalization.Web.Criteria;
using UmbracoPersonalization.Web.Headless;
using UmbracoPersonalization.Web.Notifications;
using UmbracoPersonalization.Web.Segments;
using UmbracoPersonalization.Web.Tests.TestSite;

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
    public void TheGlobalFilters_AreReusableSingletons_InSignInThenSegmentOrder()
    {
        var services = new ServiceCollection();
        services.AddPersonalization(EmptyConfiguration());
        using var provider = services.BuildServiceProvider();

        var filters = provider.GetRequiredService<IOptions<MvcOptions>>().Value.Filters.OfType<ServiceFilterAttribute>().ToList();

        // Reusable: MVC keeps the instance instead of resolving it from the request's services for every action.
        Assert.Equal([typeof(MemberSignInFilter), typeof(ApplyVisitorSegmentFilter)], filters.Select(f => f.ServiceType));
        Assert.All(filters, f => Assert.True(f.IsReusable));
        Assert.All(filters, f => Assert.Equal(ServiceLifetime.Singleton, services.Single(d => d.ServiceType == f.ServiceType).Lifetime));
    }

    [Fact]
    public async Task ComposedSite_ResolvesThePublicSurface()
    {
        await using var site = await TestSite.TestSite.StartAsync();

        Assert.IsType<NotifyingPersonalizer>(site.GetRequiredService<IPersonalizer>());
        Assert.NotNull(site.GetRequiredService<IVariationContextAccessor>());
        Assert.NotNull(site.GetRequiredService<IVisitorContextAccessor>());
        Assert.IsType<CookieConsentProvider>(site.GetRequiredService<IConsentProvider>());
        Assert.Contains(site.Services.GetServices<IStartupFilter>(), f => f is PersonalizationStartupFilter);
    }

    [Fact]
    public async Task ComposedSite_ResolvesEveryServiceThePackageRegisters()
    {
        await using var site = await TestSite.TestSite.StartAsync();
        var ours = OurDescriptors(site.Services.GetRequiredService<RegisteredServices>().Descriptors);

        Assert.NotEmpty(ours);
        using var scope = site.Services.CreateScope();
        foreach (var serviceType in ours.Select(d => d.ServiceType).Where(t => !t.IsGenericTypeDefinition).Distinct())
        {
            if (NeedsUmbracoInfrastructure.Contains(serviceType))
            {
                continue;
            }

            var resolved = scope.ServiceProvider.GetServices(serviceType);
            Assert.True(resolved.Any(), $"{serviceType} did not resolve");
        }

        Assert.IsType<PersonalizationSegmentService>(site.GetRequiredService<ISegmentService>());
        Assert.IsType<PersonalizationRequestSegmentService>(site.GetRequiredService<IRequestSegmentService>());
#pragma warning disable CS0618
        Assert.Same(site.GetRequiredService<IRequestSegmentService>(), site.GetRequiredService<IRequestSegmmentService>());
#pragma warning restore CS0618
        Assert.NotNull(site.GetRequiredService<IVisitorSegmentSelector>());
        Assert.NotNull(site.GetRequiredService<VisitorSegmentApplier>());
        Assert.NotNull(site.GetRequiredService<PersonalizationVaryBy>());
        Assert.IsType<EventAggregator>(site.GetRequiredService<IEventAggregator>());
        Assert.Equal(3, site.Services.GetServices<IVisitorAttributeProvider>().Count());
        var catalogueHandler = ours.Single(d => d.ServiceType == typeof(Umbraco.Cms.Core.Events.INotificationHandler<Umbraco.Cms.Core.Notifications.ContentPublishedNotification>));
        Assert.NotNull(ActivatorUtilities.CreateInstance(site.Services, catalogueHandler.ImplementationType!));
    }

    [Fact]
    public async Task ComposedSite_RegistersNothingTwice()
    {
        await using var site = await TestSite.TestSite.StartAsync();
        var descriptors = site.Services.GetRequiredService<RegisteredServices>().Descriptors;

        var duplicates = OurDescriptors(descriptors)
            .GroupBy(d => (d.ServiceType, Implementation: d.ImplementationType ?? d.ImplementationInstance?.GetType() ?? d.ImplementationFactory?.Method as object))
            .Where(g => g.Count() > 1)
            .Select(g => g.Key.ServiceType.Name)
            .ToList();
        Assert.Empty(duplicates);
        Assert.Single(descriptors, d => d.ServiceType == typeof(ISegmentService));
        Assert.Single(descriptors, d => d.ServiceType == typeof(IRequestSegmentService));
        Assert.Single(descriptors, d => d.ServiceType == typeof(IPersonalizer));
    }

    [Fact]
    public async Task ComposerDisabled_RegistersNothing()
    {
        await using var site = await TestSite.TestSite.StartAsync(new Dictionary<string, string?>
        {
            ["Umbraco:Personalization:ComposerEnabled"] = "false",
        }, seed: false);

        Assert.Null(site.Services.GetService<IPersonalizer>());
        Assert.IsType<NoopSegmentService>(site.GetRequiredService<ISegmentService>());
        Assert.DoesNotContain(site.Services.GetServices<IStartupFilter>(), f => f is PersonalizationStartupFilter);
    }

    [Fact]
    public async Task Disabled_SiteRunsWithoutPersonalization()
    {
        await using var site = await TestSite.TestSite.StartAsync(new Dictionary<string, string?>
        {
            ["Umbraco:Personalization:Enabled"] = "false",
        });

        var segment = await site.CreateClient().GetStringAsync("/segment?utm_campaign=spring");
        var probe = await site.CreateClient().GetStringAsync("/probe");

        Assert.Equal("segment=;header=", segment);
        Assert.Equal("null", probe);
    }

    /// <summary>
    /// Services whose dependencies only a full Umbraco site provides (Umbraco.Infrastructure cannot be installed here):
    /// the catalogue rebuilder needs Umbraco's <c>ContentService</c>; Core's own content-notification handlers
    /// (webhooks) need database scopes.
    /// </summary>
    private static readonly HashSet<Type> NeedsUmbracoInfrastructure =
    [
        typeof(UmbracoPersonalization.Web.Catalogue.ContentCatalogueRebuilder),
        typeof(Umbraco.Cms.Core.Events.INotificationHandler<Umbraco.Cms.Core.Notifications.ContentPublishedNotification>),
        typeof(Umbraco.Cms.Core.Events.INotificationHandler<Umbraco.Cms.Core.Notifications.ContentUnpublishedNotification>),
        typeof(Umbraco.Cms.Core.Events.INotificationHandler<Umbraco.Cms.Core.Notifications.ContentMovedToRecycleBinNotification>),
        typeof(Umbraco.Cms.Core.Events.INotificationHandler<Umbraco.Cms.Core.Notifications.ContentDeletedNotification>),
    ];

    private static List<ServiceDescriptor> OurDescriptors(IEnumerable<ServiceDescriptor> descriptors) => descriptors
        .Where(d => IsOurs(d.ServiceType) || IsOurs(d.ImplementationType))
        .ToList();

    private static bool IsOurs(Type? type) =>
        type?.Assembly.GetName().Name?.StartsWith("UmbracoPersonalization.", StringComparison.Ordinal) == true
        && !type.Assembly.GetName().Name!.EndsWith(".Tests", StringComparison.Ordinal);

    private sealed class FixedConsentProvider : IConsentProvider
    {
        public UmbracoPersonalization.Core.Consent.ConsentState GetConsent(Microsoft.AspNetCore.Http.HttpContext httpContext) =>
            UmbracoPersonalization.Core.Consent.ConsentState.Undecided;
    }
}
