using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Persistence.Data;
using UmbracoPersonalization.Persistence.Tests.Infrastructure;

namespace UmbracoPersonalization.Persistence.Tests.Data;

public sealed class DatabaseMigratorTests
{
    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task StartingAsync_OnEmptyDatabase_AppliesEveryMigrationAndCreatesTables(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = database.BuildServices();
        var migrator = services.GetRequiredService<DatabaseMigrator>();

        await migrator.StartingAsync(CancellationToken.None);

        Assert.True(migrator.Succeeded);
        await using var db = await services.GetRequiredService<IDbContextFactory<PersonalizationDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Profiles.CountAsync());
        Assert.Equal(0, await db.Events.CountAsync());
        Assert.Equal(0, await db.Assignments.CountAsync());
        Assert.Equal(0, await db.Segments.CountAsync());
        Assert.Equal(0, await db.Experiences.CountAsync());
        Assert.Equal(0, (await db.DefinitionsVersion.SingleAsync()).Version);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MigrateAsync_Twice_IsHarmless(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = await database.MigratedServicesAsync();

        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();

        Assert.True(services.GetRequiredService<DatabaseMigrator>().Succeeded);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Model_MatchesTheProvidersMigrations(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = database.BuildServices();
        await using var db = await services.GetRequiredService<IDbContextFactory<PersonalizationDbContext>>().CreateDbContextAsync();

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run dotnet ef migrations add for both contexts.");
    }

    [Fact]
    public async Task StartingAsync_ForSqlite_CreatesTheMissingDataFolderAndFile()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Sqlite);
        var services = database.BuildServices();
        Assert.False(Directory.Exists(database.DataDirectory));

        await services.GetRequiredService<DatabaseMigrator>().StartingAsync(CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(database.DataDirectory!, PersistenceOptions.DefaultSqliteFileName)));
    }

    [Fact]
    public async Task StartingAsync_WhenDatabaseIsUnreachable_LogsInsteadOfThrowing()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Sqlite);
        var services = database.BuildServices(o =>
        {
            o.Provider = PersistenceProvider.PostgreSql;
            o.ConnectionString = "Host=127.0.0.1;Port=1;Username=nobody;Database=nowhere;Timeout=2";
        });
        var migrator = services.GetRequiredService<DatabaseMigrator>();

        await migrator.StartingAsync(CancellationToken.None);

        Assert.False(migrator.Succeeded);
    }
}
