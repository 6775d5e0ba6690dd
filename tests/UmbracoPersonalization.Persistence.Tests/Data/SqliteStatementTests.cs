using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Persistence.Data;
using UmbracoPersonalization.Persistence.Tests.Infrastructure;

namespace UmbracoPersonalization.Persistence.Tests.Data;

public sealed class SqliteStatementTests
{
    [Fact]
    public async Task ATransactionFromTheFactory_HoldsTheWriteLockFromItsStart()
    {
        // SqliteStatement runs without Microsoft.Data.Sqlite's busy retries, relying on the caller's transaction being
        // immediate (the write lock taken at BEGIN, where Microsoft.Data.Sqlite does retry). If that default ever
        // changed, another writer could take the lock first and a batch would fail instead of waiting.
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Sqlite);
        var services = await database.MigratedServicesAsync();
        await using var db = await services.GetRequiredService<IDbContextFactory<PersonalizationDbContext>>().CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var path = new SqliteConnectionStringBuilder(db.Database.GetDbConnection().ConnectionString).DataSource;

        await using var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 1 }.ToString());
        await other.OpenAsync();
        await using var command = other.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE;";

        var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(5, error.SqliteErrorCode); // SQLITE_BUSY
    }

    [Fact]
    public async Task BindValue_OfATypeWithoutAStoredForm_Throws()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        using var statement = SqliteStatement.Prepare(connection, "SELECT ?1");

        Assert.Throws<NotSupportedException>(() => statement.BindValue(1, 1.5m));
    }
}
