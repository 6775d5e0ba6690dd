using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace UmbracoPersonalization.Persistence.Data;

/// <summary>
/// Creates and migrates the personalization database at start-up, before any hosted service starts (it runs in
/// <see cref="IHostedLifecycleService.StartingAsync"/>), so the ingestion worker and the first request find the
/// tables. For SQLite the file's folder is created and write-ahead logging switched on. A failure is logged and
/// does not stop the site: stores then fail and pages fall back to defaults.
/// </summary>
public sealed partial class DatabaseMigrator : IHostedLifecycleService
{
    private readonly IDbContextFactory<PersonalizationDbContext> _contextFactory;
    private readonly PersistenceOptions _options;
    private readonly ILogger<DatabaseMigrator> _logger;

    /// <summary>Creates the migrator.</summary>
    public DatabaseMigrator(
        IDbContextFactory<PersonalizationDbContext> contextFactory,
        IOptions<PersistenceOptions> options,
        ILogger<DatabaseMigrator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _contextFactory = contextFactory ?? throw new ArgumentNullException(nameof(contextFactory));
        _options = options.Value;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Whether the last <see cref="MigrateAsync"/> succeeded.</summary>
    public bool Succeeded { get; private set; }

    /// <summary>Creates the database if needed and applies pending migrations; throws on failure.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (_options.Provider == PersistenceProvider.Sqlite)
        {
            var dataSource = new SqliteConnectionStringBuilder(_options.ResolveConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
            {
                Directory.CreateDirectory(folder);
            }
        }

        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            if (_options.Provider == PersistenceProvider.Sqlite)
            {
                // WAL lets requests read while the worker writes; the setting is kept in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            }
        }

        Succeeded = true;
    }

    /// <inheritdoc />
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!_options.MigrateOnStartup)
        {
            return;
        }

        try
        {
            await MigrateAsync(cancellationToken).ConfigureAwait(false);
            LogMigrated(_logger, _options.Provider);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Succeeded = false;
            LogMigrationFailed(_logger, ex, _options.Provider);
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Personalization database ({Provider}) is up to date.")]
    private static partial void LogMigrated(ILogger logger, PersistenceProvider provider);

    [LoggerMessage(EventId = 31, Level = LogLevel.Critical, Message = "Creating or migrating the personalization database ({Provider}) failed; personalization falls back to defaults until it is reachable.")]
    private static partial void LogMigrationFailed(ILogger logger, Exception exception, PersistenceProvider provider);
}
