using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace UmbracoPersonalization.Persistence.Data;

/// <summary>
/// Applies the per-connection SQLite settings every time EF Core opens a connection: write-ahead logging (kept in the
/// file, so a no-op after the first time; repeated here because <c>synchronous=NORMAL</c> is only safe against
/// corruption in WAL mode, and <see cref="PersistenceOptions.MigrateOnStartup"/> may be off), <c>synchronous</c>
/// (<see cref="PersistenceOptions.SqliteSynchronous"/>) and the page cache size (<see cref="CacheSizeKiB"/>), which SQLite
/// does not keep in the file.
/// </summary>
internal sealed class SqliteConnectionSettingsInterceptor : DbConnectionInterceptor
{
    /// <summary>
    /// The page cache per connection (SQLite's default is 2 MiB). An ingestion batch touches more pages than that
    /// (the event table's indexes, a page per updated profile), so pages were evicted and read again within the batch;
    /// with 16 MiB, <c>--ingest</c> used about 4 % less CPU per event. An upper bound, not an allocation: a connection
    /// caches only pages it reads, so request-path connections that read one profile stay small.
    /// </summary>
    internal const int CacheSizeKiB = 16 * 1024;

    private readonly string _sql;

    public SqliteConnectionSettingsInterceptor(SqliteSynchronousMode synchronous)
    {
        var mode = synchronous switch
        {
            SqliteSynchronousMode.Normal => "NORMAL",
            SqliteSynchronousMode.Full => "FULL",
            SqliteSynchronousMode.Extra => "EXTRA",
            _ => throw new ArgumentOutOfRangeException(nameof(synchronous), synchronous, "Unknown synchronous mode."),
        };
        _sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=" + mode + "; PRAGMA cache_size=-" + CacheSizeKiB + ";";
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = _sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = _sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
