using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace UmbracoPersonalization.Persistence.Data;

/// <summary>
/// Creates the provider's <see cref="PersonalizationDbContext"/> subclass from <see cref="PersistenceOptions"/>,
/// from a pool (contexts are reset and reused). The provider is read from options at first use, so it can
/// come from configuration bound after registration.
/// </summary>
public sealed class PersonalizationDbContextFactory : IDbContextFactory<PersonalizationDbContext>, IDisposable
{
    private readonly Lazy<Func<PersonalizationDbContext>> _create;
    private IDisposable? _pool;

    /// <summary>Creates the factory.</summary>
    public PersonalizationDbContextFactory(IOptions<PersistenceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _create = new Lazy<Func<PersonalizationDbContext>>(() => Build(options.Value));
    }

    /// <summary>The provider in use.</summary>
    public PersistenceProvider Provider { get; private set; }

    /// <inheritdoc />
    public PersonalizationDbContext CreateDbContext() => _create.Value();

    /// <inheritdoc />
    public void Dispose() => _pool?.Dispose();

    internal static DbContextOptions<SqlitePersonalizationDbContext> SqliteOptions(
        string connectionString,
        SqliteSynchronousMode synchronous = SqliteSynchronousMode.Full) =>
        new DbContextOptionsBuilder<SqlitePersonalizationDbContext>()
            .UseSqlite(connectionString, o => o.MigrationsHistoryTable(PersonalizationDbContext.TablePrefix + "Migrations"))
            .AddInterceptors(new SqliteConnectionSettingsInterceptor(synchronous))
            .Options;

    internal static DbContextOptions<PostgresPersonalizationDbContext> PostgresOptions(string connectionString) =>
        new DbContextOptionsBuilder<PostgresPersonalizationDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsHistoryTable(PersonalizationDbContext.TablePrefix + "Migrations"))
            .Options;

    private Func<PersonalizationDbContext> Build(PersistenceOptions options)
    {
        Provider = options.Provider;
        var connectionString = options.ResolveConnectionString();
        switch (options.Provider)
        {
            case PersistenceProvider.Sqlite:
                var sqlite = new PooledDbContextFactory<SqlitePersonalizationDbContext>(SqliteOptions(connectionString, options.SqliteSynchronous));
                _pool = sqlite as IDisposable;
                return sqlite.CreateDbContext;
            case PersistenceProvider.PostgreSql:
                var postgres = new PooledDbContextFactory<PostgresPersonalizationDbContext>(PostgresOptions(connectionString));
                _pool = postgres as IDisposable;
                return postgres.CreateDbContext;
            default:
                throw new InvalidOperationException($"Unknown provider {options.Provider}.");
        }
    }
}
