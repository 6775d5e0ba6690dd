using UmbracoPersonalization.Core.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Experiments;
using UmbracoPersonalization.Core.Auditing;
using UmbracoPersonalization.Core.Identity;
using UmbracoPersonalization.Core.Privacy;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Caching;
using UmbracoPersonalization.Persistence.Data;
using UmbracoPersonalization.Persistence.Ingestion;
using UmbracoPersonalization.Persistence.Retention;
using UmbracoPersonalization.Persistence.Stores;

namespace UmbracoPersonalization.Persistence;

/// <summary>Registers the personalization database, stores and background ingestion.</summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the EF Core stores (SQLite by default, PostgreSQL by option), the event queue, the ingestion
    /// worker and the start-up migrator, configured by <paramref name="configure"/>. Every store is added with
    /// <c>TryAdd</c>, so a host registering its own first keeps it.
    /// </summary>
    public static IServiceCollection AddPersonalizationPersistence(this IServiceCollection services, Action<PersistenceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PersistenceOptions>().Configure(configure);
        return services.AddPersistenceCore();
    }

    /// <summary>
    /// Registers as <see cref="AddPersonalizationPersistence(IServiceCollection, Action{PersistenceOptions})"/>,
    /// binding options from <paramref name="section"/> (usually <c>Umbraco:Personalization:Persistence</c>);
    /// <paramref name="configure"/> then runs, e.g. to set <see cref="PersistenceOptions.DataDirectory"/> from the host.
    /// </summary>
    public static IServiceCollection AddPersonalizationPersistence(
        this IServiceCollection services,
        IConfiguration section,
        Action<PersistenceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        var builder = services.AddOptions<PersistenceOptions>().Bind(section);
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        return services.AddPersistenceCore();
    }

    private static IServiceCollection AddPersistenceCore(this IServiceCollection services)
    {
        AddConfiguration(services);
        AddDatabase(services);
        AddStores(services);
        AddPrivacy(services);
        AddIngestion(services);
        return services;
    }

    private static void AddConfiguration(IServiceCollection services)
    {
        services.AddOptions<PersistenceOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PersistenceOptions>, PersistenceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
    }

    private static void AddDatabase(IServiceCollection services)
    {
        services.TryAddSingleton<PersonalizationDbContextFactory>();
        services.TryAddSingleton<IDbContextFactory<PersonalizationDbContext>>(sp => sp.GetRequiredService<PersonalizationDbContextFactory>());
        services.TryAddSingleton<DatabaseMigrator>();

        // Registered before the worker, and migrating in StartingAsync: tables exist before anything starts.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DatabaseMigrator>(sp => sp.GetRequiredService<DatabaseMigrator>()));
    }

    private static void AddStores(IServiceCollection services)
    {
        services.TryAddSingleton<ProfileCache>();
        services.TryAddSingleton<IProfileStore, EfProfileStore>();
        services.TryAddSingleton<IEventStore, EfEventStore>();
        services.TryAddSingleton<IDefinitionStore, EfDefinitionStore>();
        services.TryAddSingleton<IAssignmentStore, EfAssignmentStore>();
        services.TryAddSingleton<IContentCatalogueStore, EfContentCatalogueStore>();
        services.TryAddSingleton<IAuditLog, EfAuditLog>();
        services.TryAddSingleton<IVisitorIdentityStore, EfVisitorIdentityStore>();
    }

    private static void AddPrivacy(IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>();
        services.AddOptions<PrivacyOptions>();
        services.TryAddSingleton<RecentErasures>();
        services.TryAddSingleton<VisitorDataMinimizer>();
        services.TryAddSingleton(sp => new ProfileMerger(sp.GetRequiredService<IOptions<ProfileOptions>>()));
        services.TryAddSingleton<IDefinitionService, DefinitionService>();
        services.TryAddSingleton<IVisitorDataService, VisitorDataService>();
        services.TryAddSingleton<VisitorIdentityService>();
        services.TryAddSingleton<RetentionPurger>();
        services.TryAddSingleton<RetentionPurgeService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RetentionPurgeService>(sp => sp.GetRequiredService<RetentionPurgeService>()));
    }

    private static void AddIngestion(IServiceCollection services)
    {
        services.TryAddSingleton<PersistenceMetrics>();
        services.TryAddSingleton<ChannelEventQueue>();
        services.TryAddSingleton<IEventQueue>(sp => sp.GetRequiredService<ChannelEventQueue>());
        services.TryAddSingleton<EventIngestionWorker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EventIngestionWorker>(sp => sp.GetRequiredService<EventIngestionWorker>()));
    }
}
