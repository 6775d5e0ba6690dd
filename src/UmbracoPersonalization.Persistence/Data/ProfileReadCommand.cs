using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using UmbracoPersonalization.Persistence.Data.Entities;

namespace UmbracoPersonalization.Persistence.Data;

/// <summary>
/// Reads one stored profile (<c>SELECT Version, MemberKey, Body … WHERE VisitorId = @id</c>) with a plain command built
/// once per model from EF's mappings.
/// </summary>
/// <remarks>
/// This runs on the request path (the middleware loads the visitor's profile). A LINQ <c>FirstOrDefaultAsync</c> goes
/// through EF Core's query pipeline every time (parameter extraction, compiled-query cache lookup, shaper), which
/// under load cost more than the database read itself. Column names and quoting still come from the provider, so one
/// implementation serves SQLite and PostgreSQL.
/// </remarks>
internal static class ProfileReadCommand
{
    private static readonly ConcurrentDictionary<IModel, string> Sql = new();

    /// <summary>Gets the stored version, member key and JSON body of a visitor's profile, or null when none is stored.</summary>
    public static async Task<(long Version, string? MemberKey, string Body)?> ReadAsync(DbContext db, string visitorId, CancellationToken cancellationToken)
    {
        var entityType = db.Model.FindEntityType(typeof(ProfileRow))
            ?? throw new InvalidOperationException($"{nameof(ProfileRow)} is not part of the model.");
        var key = entityType.GetProperty(nameof(ProfileRow.VisitorId));
        var text = Sql.GetOrAdd(db.Model, static (_, state) => BuildSql(state.db, state.entityType), (db, entityType));
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = db.Database.GetDbConnection().CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = text;
                command.Parameters.Add(key.GetRelationalTypeMapping().CreateParameter(command, "@visitorId", visitorId, nullable: false));
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return null;
                    }

                    return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private static string BuildSql(DbContext db, IEntityType entityType)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entityType.GetProperty(property).GetColumnName(table)!);
        return $"SELECT {Column(nameof(ProfileRow.Version))}, {Column(nameof(ProfileRow.MemberKey))}, {Column(nameof(ProfileRow.Body))} " +
            $"FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {Column(nameof(ProfileRow.VisitorId))} = @visitorId";
    }
}
