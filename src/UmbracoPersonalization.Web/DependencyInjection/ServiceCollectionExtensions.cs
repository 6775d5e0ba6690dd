using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Cache;
using Umbraco.Cms.Core.Models.PublishedContent;
using UmbracoPersonalization.Core.DependencyInjection;
using UmbracoPersonalization.Core.Privacy;
using UmbracoPersonalization.Core.Templating;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence;
using UmbracoPersonalization.Persistence.Ingestion;
using Umbraco.Cms.Core.Configuration.Models;
using Umbraco.Cms.Core.DeliveryApi;
using Umbraco.Cms.Core.Services;
using Umbraco.Extensions;
using UmbracoPersonalization.Core.Experiences;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;
using UmbracoPersonalization.Web.Blocks;
using UmbracoPersonalization.Web.Caching;
using UmbracoPersonalization.Web.Catalogue;
using UmbracoPersonalization.Web.Criteria;
using UmbracoPersonalization.Web.Headless;
using UmbracoPersonalization.Web.Notifications;
using UmbracoPersonalization.Web.Segments;
using UmbracoPersonalization.Web.Identity;
using UmbracoPersonalization.Web.Privacy;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Consent;
using UmbracoPersonalization.Web.Definitions;
using UmbracoPersonalization.Web.Middleware;
using UmbracoPersonalization.Web.Rendering;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.DependencyInjection;

/// <summary>Registers the package in a host without Umbraco's builder (and is what the Umbraco builder extension calls).</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers settings (bound from <c>Umbraco:Personalization</c> and validated at start-up), services, the
    /// consent endpoint, the middleware (through an <see cref="IStartupFilter"/>), view components and tag helpers.
    /// Calling it more than once has no further effect. Every service is added with <c>TryAdd</c>, so a host can
    /// register its own implementation first.
    /// </summary>
    public static IServiceCollection AddPersonalization(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(PersonalizationMarker)))
        {
            return services;
        }

        services.AddSingleton<PersonalizationMarker>();
        AddConfiguration(services, configuration);
        AddCore(services, configuration);
        AddServices(services);
        AddPersistence(services, configuration);
        AddPrivacy(services, configuration);
        AddRendering(services);
        AddMiddleware(services);
        AddCriteria(services);
        AddNativeSegments(services);
        AddNotifications(services);
        AddCatalogue(services);
        services.TryAddSingleton<BlockVariantSelector>();
        services.TryAddSingleton<PersonalizationVaryBy>();
        return services;
    }

    private static void AddConfiguration(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PersonalizationSettings>()
            .Configure<IServiceProvider>((settings, provider) =>
                settings.PreviewEnabled = provider.GetService<IHostEnvironment>()?.IsDevelopment() == true)
            .Bind(configuration.GetSection(PersonalizationSettings.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PersonalizationSettings>, PersonalizationSettingsValidator>());
    }

    /// <summary>
    /// The engine. Profile options take <c>SessionTimeout</c> and <c>InterestHalfLife</c> from the top-level settings;
    /// the optional <c>Umbraco:Personalization:Profile</c> section refines the rest (lifecycle thresholds, limits), and
    /// <c>Umbraco:Personalization:Liquid</c> sets the template limits.
    /// </summary>
    private static void AddCore(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPersonalizationCore();
        services.AddOptions<ProfileOptions>()
            .Configure<IOptions<PersonalizationSettings>>((profile, settings) =>
            {
                profile.SessionTimeout = settings.Value.SessionTimeout;
                profile.InterestHalfLife = settings.Value.InterestHalfLife;
            })
            .Bind(configuration.GetSection(ProfileOptions.SectionName));
        services.AddOptions<LiquidOptions>().Bind(configuration.GetSection(LiquidOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDefinitionSetConsumer, SnapshotHolderConsumer>());
    }

    private static void AddServices(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.TryAddSingleton<IVisitorContextAccessor, HttpContextVisitorContextAccessor>();
        services.TryAddSingleton<CookieConsentProvider>();
        services.TryAddSingleton<IConsentProvider>(provider =>
            provider.GetRequiredService<IOptions<PersonalizationSettings>>().Value.ConsentSource == ConsentSource.Tcf
                ? new TcfConsentProvider(provider.GetRequiredService<CookieConsentProvider>())
                : provider.GetRequiredService<CookieConsentProvider>());
        services.TryAddSingleton(provider => new UserAgentClassifier(provider.GetRequiredService<IOptions<PersonalizationSettings>>()));
        services.TryAddSingleton<RequestContextFactory>();
        services.TryAddSingleton<IVisitorIdProtector>(provider => new DataProtectionVisitorIdProtector(CreateDataProtection(provider)));
        services.TryAddSingleton<ConsentEndpoint>();
        services.TryAddSingleton<IVariationContextAccessor>(provider => provider.GetService<IRequestCache>() is { } requestCache
            ? new HybridVariationContextAccessor(requestCache)
            : new ThreadCultureVariationContextAccessor());

        services.TryAddSingleton<LoadedDefinitions>();
        services.TryAddSingleton<DefinitionRefreshService>();
        services.TryAddSingleton<IDefinitionRefresher>(provider => provider.GetRequiredService<DefinitionRefreshService>());
        services.AddHostedService(provider => provider.GetRequiredService<DefinitionRefreshService>());
    }

    /// <summary>
    /// The EF Core stores, event queue and ingestion worker, configured from <c>Umbraco:Personalization:Persistence</c>;
    /// the SQLite file defaults to the package's data folder.
    /// </summary>
    private static void AddPersistence(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPersonalizationPersistence(configuration.GetSection(PersistenceOptions.SectionName));
        services.TryAddSingleton<SegmentNotificationPublisher>();
        services.TryAddSingleton<IProfileEventApplier>(provider => provider.GetRequiredService<SegmentNotificationPublisher>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProfileSaveListener, SegmentNotificationPublisher>(
            provider => provider.GetRequiredService<SegmentNotificationPublisher>()));
        services.AddOptions<PersistenceOptions>()
            .PostConfigure<IServiceProvider>((options, provider) =>
            {
                if (string.IsNullOrWhiteSpace(options.ConnectionString) && string.IsNullOrWhiteSpace(options.DataDirectory))
                {
                    options.DataDirectory = ResolveDataFolder(provider);
                }
            });
    }

    /// <summary>
    /// Minimisation and retention options (<c>Umbraco:Personalization:Privacy</c>, <c>…:Retention</c>), the data-subject
    /// endpoints, sign-in merging and the management API's authorization policy.
    /// </summary>
    private static void AddPrivacy(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PersonalizationSettings.SectionName + ":Privacy"));
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(PersonalizationSettings.SectionName + ":Retention"));
        services.TryAddSingleton<VisitorRightsEndpoint>();
        services.TryAddSingleton<ManagementEndpoint>();
        services.TryAddSingleton<IVisitorSignIn, VisitorSignIn>();
        services.TryAddSingleton<MemberSignInFilter>();
        services.Configure<MvcOptions>(o =>
        {
            if (!o.Filters.OfType<ServiceFilterAttribute>().Any(f => f.ServiceType == typeof(MemberSignInFilter)))
            {
                o.Filters.Add(SingletonFilter<MemberSignInFilter>());
            }
        });
        services.AddAuthorization();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<AuthorizationOptions>, ManagementAuthorization.DefaultPolicySetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, ManagementAuthorization.RoleHandler>());
    }

    private static void AddRendering(IServiceCollection services)
    {
        services.TryAddSingleton<VariantHtmlSanitizer>();
        services.TryAddSingleton<PlacementRenderer>(); // stateless and over singletons only: no need for one per placement

        // Make the view components, tag helper and default views discoverable whatever the entry assembly is.
        var assembly = typeof(ServiceCollectionExtensions).Assembly;
        services.AddMvcCore().ConfigureApplicationPartManager(manager =>
        {
            if (manager.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
            {
                return;
            }

            foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
            {
                manager.ApplicationParts.Add(part);
            }
        });
    }

    /// <summary>The built-in attribute providers (request, member, profile criteria), in this order.</summary>
    private static void AddCriteria(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IVisitorAttributeProvider, RequestCriteriaProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IVisitorAttributeProvider, MemberCriteriaProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IVisitorAttributeProvider, ProfileCriteriaProvider>());
    }

    /// <summary>
    /// Umbraco's native segments: our <see cref="ISegmentService"/> and Delivery API <see cref="IRequestSegmentService"/>
    /// replace Umbraco's (AddUnique: these have a default registration to replace), Umbraco's segment setting is
    /// switched on, and a global MVC filter sets the visitor's segment after routing.
    /// </summary>
    private static void AddNativeSegments(IServiceCollection services)
    {
        services.TryAddSingleton<IVisitorSegmentSelector, VisitorSegmentSelector>();
        services.TryAddSingleton<VisitorSegmentApplier>();
        services.TryAddSingleton<ApplyVisitorSegmentFilter>();
        services.TryAddSingleton<SegmentScorer>();
        services.AddUnique<ISegmentService, PersonalizationSegmentService>();
        services.TryAddSingleton<PersonalizationRequestSegmentService>();
        services.AddUnique<IRequestSegmentService>(provider => provider.GetRequiredService<PersonalizationRequestSegmentService>());
#pragma warning disable CS0618 // the misspelled interface Umbraco 17 still resolves in places (removed in 18)
        services.AddUnique<IRequestSegmmentService>(provider => provider.GetRequiredService<PersonalizationRequestSegmentService>());
#pragma warning restore CS0618
        services.AddOptions<SegmentSettings>().PostConfigure<IOptions<PersonalizationSettings>>((segments, settings) =>
        {
            if (settings.Value.Segments.Enabled)
            {
                segments.Enabled = true;
            }
        });
        services.Configure<MvcOptions>(options => options.Filters.Add(SingletonFilter<ApplyVisitorSegmentFilter>()));
    }

    // The package's global filters are singletons: reusable, MVC caches the instance instead of resolving it from the
    // request's services on every action.
    private static ServiceFilterAttribute SingletonFilter<TFilter>()
        where TFilter : IFilterMetadata => new(typeof(TFilter)) { IsReusable = true };

    /// <summary>
    /// Decisions go through <see cref="NotifyingPersonalizer"/> (DecidingNotification) unless the host registered its
    /// own <see cref="IPersonalizer"/>.
    /// </summary>
    private static void AddNotifications(IServiceCollection services)
    {
        var descriptor = services.FirstOrDefault(d => d.ServiceType == typeof(IPersonalizer));
        if (descriptor?.ImplementationType == typeof(Personalizer))
        {
            services.Remove(descriptor);
            services.TryAddSingleton<Personalizer>();
            services.AddSingleton<IPersonalizer, NotifyingPersonalizer>();
        }
    }

    /// <summary>
    /// The content catalogue: Umbraco's content notifications queue changes (registered the way
    /// <c>builder.AddNotificationHandler</c> does), a background worker writes them in batches.
    /// </summary>
    private static void AddCatalogue(IServiceCollection services)
    {
        services.TryAddSingleton<ContentCatalogueQueue>();
        services.TryAddSingleton<ICatalogueItemFactory, CatalogueItemFactory>();
        services.TryAddTransient<ContentCatalogueRebuilder>();
        services.TryAddSingleton<ContentCatalogueWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<ContentCatalogueWorker>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<INotificationHandler<ContentPublishedNotification>, ContentCatalogueNotificationHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<INotificationHandler<ContentUnpublishedNotification>, ContentCatalogueNotificationHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<INotificationHandler<ContentMovedToRecycleBinNotification>, ContentCatalogueNotificationHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<INotificationHandler<ContentDeletedNotification>, ContentCatalogueNotificationHandler>());
    }

    private static void AddMiddleware(IServiceCollection services) =>
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, PersonalizationStartupFilter>());

    /// <summary>
    /// The package's own Data Protection provider, its key ring persisted under the data folder so visitor cookies
    /// survive restarts. It is separate from the host's key ring, so the package never changes how the site's own
    /// cookies are protected.
    /// </summary>
    private static IDataProtectionProvider CreateDataProtection(IServiceProvider provider)
    {
        var keys = new DirectoryInfo(Path.Combine(ResolveDataFolder(provider), "keys"));
        return DataProtectionProvider.Create(keys, builder => builder.SetApplicationName("UmbracoPersonalization"));
    }

    /// <summary>The absolute data folder: <see cref="PersonalizationSettings.DataFolder"/> under the content root.</summary>
    internal static string ResolveDataFolder(IServiceProvider provider)
    {
        var settings = provider.GetRequiredService<IOptions<PersonalizationSettings>>().Value;
        var contentRoot = provider.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
        return Path.GetFullPath(settings.DataFolder, contentRoot);
    }

    private sealed class PersonalizationMarker;
}
