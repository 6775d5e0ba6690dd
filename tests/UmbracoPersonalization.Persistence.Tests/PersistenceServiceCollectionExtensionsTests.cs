using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Experiments;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Data;
using UmbracoPersonalization.Persistence.Ingestion;
using UmbracoPersonalization.Persistence.Retention;
using UmbracoPersonalization.Persistence.Stores;

namespace UmbracoPersonalization.Persistence.Tests;

public sealed class PersistenceServiceCollectionExtensionsTests
{
    [Fact]
    public void AddPersonalizationPersistence_RegistersStoresQueueAndHostedServicesInStartOrder()
    {
        using var services = Build(new ServiceCollection());

        Assert.IsType<EfProfileStore>(services.GetRequiredService<IProfileStore>());
        Assert.IsType<EfEventStore>(services.GetRequiredService<IEventStore>());
        Assert.IsType<EfDefinitionStore>(services.GetRequiredService<IDefinitionStore>());
        Assert.IsType<EfAssignmentStore>(services.GetRequiredService<IAssignmentStore>());
        Assert.Same(services.GetRequiredService<ChannelEventQueue>(), services.GetRequiredService<IEventQueue>());
        Assert.IsType<SqlitePersonalizationDbContext>(services.GetRequiredService<IDbContextFactory<PersonalizationDbContext>>().CreateDbContext());
        Assert.Equal(
            [typeof(DatabaseMigrator), typeof(RetentionPurgeService), typeof(EventIngestionWorker)],
            services.GetServices<IHostedService>().Select(s => s.GetType()));
    }

    [Fact]
    public void AddPersonalizationPersistence_KeepsStoresTheHostRegisteredFirst()
    {
        var collection = new ServiceCollection();
        var mine = new NoProfiles();
        collection.AddSingleton<IProfileStore>(mine);

        using var services = Build(collection);

        Assert.Same(mine, services.GetRequiredService<IProfileStore>());
    }

    [Fact]
    public void AddPersonalizationPersistence_CalledTwice_RegistersHostedServicesOnce()
    {
        var collection = new ServiceCollection();
        collection.AddPersonalizationPersistence(o => o.DataDirectory = "/data");

        using var services = Build(collection);

        Assert.Equal(3, services.GetServices<IHostedService>().Count());
    }

    [Fact]
    public void AddPersonalizationPersistence_FromConfiguration_BindsTheSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Umbraco:Personalization:Persistence:Provider"] = "PostgreSql",
            ["Umbraco:Personalization:Persistence:ConnectionString"] = "Host=db;Database=site",
            ["Umbraco:Personalization:Persistence:BatchSize"] = "50",
            ["Umbraco:Personalization:Persistence:MaxBatchDelay"] = "00:00:01",
        }).Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddPersonalizationPersistence(configuration.GetSection(PersistenceOptions.SectionName));
        using var services = collection.BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<PersistenceOptions>>().Value;

        Assert.Equal(PersistenceProvider.PostgreSql, options.Provider);
        Assert.Equal(50, options.BatchSize);
        Assert.Equal(TimeSpan.FromSeconds(1), options.MaxBatchDelay);
        Assert.IsType<PostgresPersonalizationDbContext>(services.GetRequiredService<IDbContextFactory<PersonalizationDbContext>>().CreateDbContext());
    }

    [Fact]
    public void InvalidOptions_FailOnFirstUseWithTheKey()
    {
        var collection = new ServiceCollection().AddLogging();
        collection.AddPersonalizationPersistence(o => o.Provider = PersistenceProvider.PostgreSql);
        using var services = collection.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PersistenceOptions>>().Value);

        Assert.Contains("Umbraco:Personalization:Persistence:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(ServiceCollection collection)
    {
        collection.AddLogging();
        collection.AddPersonalizationPersistence(o => o.DataDirectory = Path.Combine(Path.GetTempPath(), "up-unused"));
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private sealed class NoProfiles : IProfileStore
    {
        public Task<VisitorProfile?> GetAsync(string visitorId, CancellationToken cancellationToken = default) => Task.FromResult<VisitorProfile?>(null);

        public Task<bool> SaveAsync(VisitorProfile profile, long expectedVersion, CancellationToken cancellationToken = default) => Task.FromResult(false);

        public Task<bool> DeleteAsync(string visitorId, CancellationToken cancellationToken = default) => Task.FromResult(false);
    }
}
