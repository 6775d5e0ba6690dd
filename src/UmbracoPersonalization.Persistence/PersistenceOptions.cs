using System.ComponentModel;

namespace UmbracoPersonalization.Persistence;

/// <summary>
/// Settings of the personalization database and the background event ingestion,
/// bound from <c>Umbraco:Personalization:Persistence</c>.
/// </summary>
public sealed class PersistenceOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Umbraco:Personalization:Persistence";

    /// <summary>The file name of the default SQLite database inside <see cref="DataDirectory"/>.</summary>
    public const string DefaultSqliteFileName = "personalization.db";

    private const int StaticBatchSize = 500;
    private const int StaticMaxBatchSize = 8_000;
    private const int StaticQueueCapacity = 10_000;
    private const string StaticMaxBatchDelay = "00:00:00.250";
    private const int StaticMaxStoreAttempts = 4;
    private const string StaticRetryBaseDelay = "00:00:00.500";
    private const int StaticMaxConflictRetries = 5;
    private const int StaticProfileCacheCapacity = 50_000;
    private const string StaticProfileCacheTimeToLive = "00:00:30";

    /// <summary>The database engine. Default: <see cref="PersistenceProvider.Sqlite"/>.</summary>
    [DefaultValue(PersistenceProvider.Sqlite)]
    public PersistenceProvider Provider { get; set; } = PersistenceProvider.Sqlite;

    /// <summary>
    /// The ADO.NET connection string. Required for PostgreSQL; for SQLite it defaults to
    /// <c>Data Source={DataDirectory}/personalization.db</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The folder of the default SQLite file, given by the host (e.g. <c>{ContentRoot}/umbraco/Data</c>);
    /// created at start-up when missing. Only used when <see cref="ConnectionString"/> is empty.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>Whether the database is created and migrated at start-up. Default: <c>true</c>.</summary>
    [DefaultValue(true)]
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// The events a batch closes at when they come from few visitors (on average at least four events per visitor, so
    /// each profile write serves several events). Default: 500.
    /// </summary>
    [DefaultValue(StaticBatchSize)]
    public int BatchSize { get; set; } = StaticBatchSize;

    /// <summary>
    /// The most events the worker writes in one transaction: a batch of <see cref="BatchSize"/> events from many
    /// visitors keeps filling up to this (within <see cref="MaxBatchDelay"/>), so fewer profile rows are rewritten per
    /// event. It matters only while the worker is behind (otherwise <see cref="MaxBatchDelay"/> closes batches first):
    /// up to a quarter of it in distinct visitors, a backed-up batch still averages four events per profile write.
    /// At least <see cref="BatchSize"/> is used. Default: 8,000.
    /// </summary>
    [DefaultValue(StaticMaxBatchSize)]
    public int MaxBatchSize { get; set; } = StaticMaxBatchSize;

    /// <summary>The most events waiting in memory; further events are dropped and counted. Default: 10,000.</summary>
    [DefaultValue(StaticQueueCapacity)]
    public int QueueCapacity { get; set; } = StaticQueueCapacity;

    /// <summary>How long the worker waits to fill a batch once it has one event. Default: 250 ms.</summary>
    [DefaultValue(typeof(TimeSpan), StaticMaxBatchDelay)]
    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.Parse(StaticMaxBatchDelay, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Attempts at a failing database write before the batch (or profile) is given up. Default: 4.</summary>
    [DefaultValue(StaticMaxStoreAttempts)]
    public int MaxStoreAttempts { get; set; } = StaticMaxStoreAttempts;

    /// <summary>The first back-off after a failed write; doubled after each further failure. Default: 500 ms.</summary>
    [DefaultValue(typeof(TimeSpan), StaticRetryBaseDelay)]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.Parse(StaticRetryBaseDelay, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reload-and-reapply rounds when another writer saved the same profile first. Default: 5.</summary>
    [DefaultValue(StaticMaxConflictRetries)]
    public int MaxConflictRetries { get; set; } = StaticMaxConflictRetries;

    /// <summary>
    /// The most profiles kept in the in-process profile cache (about 0.8 KB each), so consenting requests and the
    /// ingestion worker need no database read; 0 switches the cache off. Default: 50,000.
    /// </summary>
    [DefaultValue(StaticProfileCacheCapacity)]
    public int ProfileCacheCapacity { get; set; } = StaticProfileCacheCapacity;

    /// <summary>
    /// How long a cached profile is served after it was read from or written to the database: the most a profile
    /// saved by another instance can be served stale. Default: 30 s.
    /// </summary>
    [DefaultValue(typeof(TimeSpan), StaticProfileCacheTimeToLive)]
    public TimeSpan ProfileCacheTimeToLive { get; set; } = TimeSpan.Parse(StaticProfileCacheTimeToLive, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// SQLite's <c>PRAGMA synchronous</c> on every connection (ignored for PostgreSQL). Default:
    /// <see cref="SqliteSynchronousMode.Full"/>: every commit is durable, so a confirmed erasure or consent withdrawal
    /// never reappears after a power cut. <see cref="SqliteSynchronousMode.Normal"/> skips the flush per commit (in WAL
    /// mode it cannot corrupt the database, and a process crash loses nothing committed, but a power cut or OS crash can
    /// undo the last commits); see README "Durability of SQLite commits".
    /// </summary>
    [DefaultValue(SqliteSynchronousMode.Full)]
    public SqliteSynchronousMode SqliteSynchronous { get; set; } = SqliteSynchronousMode.Full;

    /// <summary>The connection string in effect: <see cref="ConnectionString"/>, or the default SQLite file.</summary>
    internal string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        if (Provider == PersistenceProvider.Sqlite && !string.IsNullOrWhiteSpace(DataDirectory))
        {
            return new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(DataDirectory, DefaultSqliteFileName),
            }.ToString();
        }

        throw new InvalidOperationException($"{SectionName}:ConnectionString is not set.");
    }
}
