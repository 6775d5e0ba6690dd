using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace UmbracoPersonalization.Persistence.Data;

/// <summary>Lets dotnet-ef build the SQLite context (no database is touched to add a migration).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePersonalizationDbContext>
{
    public SqlitePersonalizationDbContext CreateDbContext(string[] args) =>
        new(PersonalizationDbContextFactory.SqliteOptions("Data Source=design-time.db"));
}

/// <summary>Lets dotnet-ef build the PostgreSQL context (no database is touched to add a migration).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPersonalizationDbContext>
{
    public PostgresPersonalizationDbContext CreateDbContext(string[] args) =>
        new(PersonalizationDbContextFactory.PostgresOptions("Host=localhost;Database=design_time"));
}
