using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Persistence.Data;
using UmbracoPersonalization.Persistence.Tests.Infrastructure;

namespace UmbracoPersonalization.Persistence.Tests.Data;

public sealed class SqliteConnectionSettingsTests
{
    [Theory]
    [InlineData(null, 2)] // the default is Full
    [InlineData(SqliteSynchronousMode.Normal, 1)]
    [InlineData(SqliteSynchronousMode.Full, 2)]
    [InlineData(SqliteSynchronousMode.Extra, 3)]
    public async Task EveryConnection_UsesTheConfiguredSynchronousModeInWalModeAndTheLargerPageCache(SqliteSynchronousMode? mode, long expected)
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Sqlite);
        var services = database.BuildServices(o =>
        {
            if (mode is { } m)
            {
                o.SqliteSynchronous = m;
            }
        });
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();

        // Two contexts in turn: the setting is per connection, so each opened connection must get it.
        for (var i = 0; i < 2; i++)
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<PersonalizationDbContext>>().CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous;";
            Assert.Equal(expected, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
            command.CommandText = "PRAGMA journal_mode;";
            Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
            command.CommandText = "PRAGMA cache_size;";
            Assert.Equal(-SqliteConnectionSettingsInterceptor.CacheSizeKiB, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
            await db.Database.CloseConnectionAsync();
        }
    }
}
