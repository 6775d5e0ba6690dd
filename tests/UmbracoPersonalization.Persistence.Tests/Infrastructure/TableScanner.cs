using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using UmbracoPersonalization.Persistence.Data;

namespace UmbracoPersonalization.Persistence.Tests.Infrastructure;

/// <summary>
/// Scans every table of the EF model (enumerated from the model, so a table added later is scanned too) for rows
/// whose text columns contain a value anywhere (ids in key columns and inside JSON documents alike).
/// </summary>
internal static class TableScanner
{
    public static async Task<IReadOnlyList<string>> FindAsync(PersonalizationDbContext db, string needle)
    {
        var hits = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var entity in db.Model.GetEntityTypes())
            {
                var table = entity.GetTableName()!;
                var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
                foreach (var property in entity.GetProperties())
                {
                    var type = property.GetRelationalTypeMapping().StoreType;
                    if (!IsText(type))
                    {
                        continue;
                    }

                    var column = property.GetColumnName(store)!;
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE \"{column}\" LIKE @needle";
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = "@needle";
                    parameter.Value = "%" + needle + "%";
                    command.Parameters.Add(parameter);
                    var count = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
                    if (count > 0)
                    {
                        hits.Add($"{table}.{column}: {count}");
                    }
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return hits;
    }

    /// <summary>Every table of the model, to prove the scan covers them all.</summary>
    public static IReadOnlyList<string> Tables(PersonalizationDbContext db) =>
        [.. db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Order(StringComparer.Ordinal)];

    private static bool IsText(string storeType) =>
        storeType.Contains("char", StringComparison.OrdinalIgnoreCase)
        || storeType.Contains("text", StringComparison.OrdinalIgnoreCase);
}
