using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace UmbracoPersonalization.Persistence.Data;

/// <summary>
/// The PostgreSQL flavour of <see cref="PersonalizationDbContext"/> (migrations in <c>Migrations/PostgreSql</c>).
/// Instants are <c>timestamptz</c>; Npgsql only writes offset-zero values, so they are normalized to UTC.
/// JSON stays in <c>text</c> columns (not <c>jsonb</c>): the store never queries inside it, and <c>jsonb</c>
/// rejects <c>\u0000</c>, which would let one odd event fail a whole batch.
/// </summary>
public sealed class PostgresPersonalizationDbContext : PersonalizationDbContext
{
    /// <summary>Creates the context.</summary>
    public PostgresPersonalizationDbContext(DbContextOptions<PostgresPersonalizationDbContext> options)
        : base(options)
    {
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(),
        v => v);
}
