using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace UmbracoPersonalization.Persistence.Data;

/// <summary>
/// The SQLite flavour of <see cref="PersonalizationDbContext"/> (migrations in <c>Migrations/Sqlite</c>).
/// SQLite has no date type, and EF Core cannot order or compare <see cref="DateTimeOffset"/> stored as text,
/// so instants are stored as UTC ticks in INTEGER columns.
/// </summary>
public sealed class SqlitePersonalizationDbContext : PersonalizationDbContext
{
    /// <summary>Creates the context.</summary>
    public SqlitePersonalizationDbContext(DbContextOptions<SqlitePersonalizationDbContext> options)
        : base(options)
    {
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}
