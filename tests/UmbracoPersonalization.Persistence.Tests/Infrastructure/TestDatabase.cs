using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using UmbracoPersonalization.Persistence.Data;
using UmbracoPersonalization.Persistence.Ingestion;

namespace UmbracoPersonalization.Persistence.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test: a SQLite file in its own temp folder, or a PostgreSQL database with a
/// unique name on the server in <c>UP_TEST_POSTGRES</c> (the test is skipped, with the reason, when it is unset).
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "UP_TEST_POSTGRES";

    private readonly string? _tempFolder;
    private readonly string? _adminConnectionString;
    private readonly string? _databaseName;
    private readonly List<ServiceProvider> _providers = [];

    private TestDatabase(PersistenceProvider provider, string? tempFolder, string? connectionString, string? admin, string? databaseName)
    {
        Provider = provider;
        _tempFolder = tempFolder;
        ConnectionString = connectionString;
        _adminConnectionString = admin;
        _databaseName = databaseName;
    }

    public PersistenceProvider Provider { get; }

    /// <summary>The PostgreSQL connection string; <c>null</c> for SQLite (the data folder default is used).</summary>
    public string? ConnectionString { get; }

    /// <summary>The SQLite data folder (does not exist until the migrator creates it).</summary>
    public string? DataDirectory => _tempFolder is null ? null : Path.Combine(_tempFolder, "umbraco", "Data");

    public static async Task<TestDatabase> CreateAsync(PersistenceProvider provider)
    {
        if (provider == PersistenceProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "up-persistence-tests", Guid.NewGuid().ToString("N"));
            return new TestDatabase(provider, folder, null, null, null);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        Skip.If(string.IsNullOrWhiteSpace(admin), $"{PostgresVariable} is not set: no PostgreSQL server to test against.");
        var name = "up_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        return new TestDatabase(provider, null, connectionString, admin, name);
    }

    /// <summary>Applies the provider and database to options.</summary>
    public void Configure(PersistenceOptions options)
    {
        options.Provider = Provider;
        options.ConnectionString = ConnectionString;
        options.DataDirectory = DataDirectory;
    }

    /// <summary>A service provider with the persistence registered against this database.</summary>
    public ServiceProvider BuildServices(Action<PersistenceOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug));
        services?.Invoke(collection);
        collection.AddPersonalizationPersistence(o =>
        {
            Configure(o);
            configure?.Invoke(o);
        });
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _providers.Add(provider);
        return provider;
    }

    /// <summary>Services whose database has been migrated.</summary>
    public async Task<ServiceProvider> MigratedServicesAsync(Action<PersistenceOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var provider = BuildServices(configure, services);
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            if (provider.GetService<EventIngestionWorker>() is { } worker)
            {
                // Bounded: a worker that cannot stop fails the test that left it instead of hanging the whole run.
                await worker.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
            }

            await provider.DisposeAsync();
        }

        if (_tempFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_tempFolder, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }

        if (_databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
