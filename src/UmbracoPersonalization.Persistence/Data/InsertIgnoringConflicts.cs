using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace UmbracoPersonalization.Persistence.Data;

/// <summary>
/// <c>INSERT … ON CONFLICT (key) DO NOTHING</c>, which SQLite (3.24+) and PostgreSQL both speak, built from the
/// EF model: table and column names, quoting and parameter conversion (e.g. SQLite's UTC ticks) all come from
/// the provider, so one implementation serves both. Rows whose key exists are skipped in the database itself:
/// no read-then-write race between instances, no exception to catch.
/// </summary>
/// <remarks>
/// On PostgreSQL rows go in multi-row statements (one round trip per ~900 parameters). On SQLite, where there is no
/// round trip but preparing a statement of hundreds of parameters costs as much as running it, one single-row statement
/// is prepared once per call and re-bound for every row; a row counts as inserted when the statement changed a row.
/// </remarks>
internal static class InsertIgnoringConflicts
{
    /// <summary>Keeps a statement well under SQLite's oldest parameter limit (999).</summary>
    private const int MaxParametersPerStatement = 900;

    /// <summary>Inserts <paramref name="rows"/>, skipping those whose primary key exists; returns how many were inserted.</summary>
    public static async Task<int> ExecuteAsync<TEntity>(DbContext db, IReadOnlyList<TEntity> rows, CancellationToken cancellationToken)
        where TEntity : class
    {
        var inserted = 0;
        await RunAsync(db, rows, returnKey: false, async command =>
        {
            inserted += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return inserted;
    }

    /// <summary>Inserts <paramref name="rows"/>, skipping those whose (single-column) key exists; returns the keys inserted.</summary>
    public static async Task<HashSet<TKey>> ExecuteReturningKeysAsync<TEntity, TKey>(DbContext db, IReadOnlyList<TEntity> rows, CancellationToken cancellationToken)
        where TEntity : class
        where TKey : notnull
    {
        var keys = new HashSet<TKey>();
        if (db.Database.IsSqlite())
        {
            await RunPerRowAsync(db, rows, (row, key) => keys.Add((TKey)key!), cancellationToken).ConfigureAwait(false);
            return keys;
        }

        await RunAsync(db, rows, returnKey: true, async command =>
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    keys.Add(reader.GetFieldValue<TKey>(0));
                }
            }
        }, cancellationToken).ConfigureAwait(false);
        return keys;
    }

    private static async Task RunPerRowAsync<TEntity>(DbContext db, IReadOnlyList<TEntity> rows, Action<TEntity, object?> inserted, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entityType = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not part of the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = entityType.GetProperties().ToArray();
        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var names = properties.Select((_, i) => $"@p{i}").ToArray();
        var keyProperties = entityType.FindPrimaryKey()!.Properties;
        if (keyProperties.Count != 1)
        {
            throw new InvalidOperationException("Returning keys needs a single-column key.");
        }

        var keyIndex = Array.IndexOf(properties, keyProperties[0]);
        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);
        var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(Column))}) " +
            $"VALUES ({string.Join(", ", names)}) ON CONFLICT ({Column(keyProperties[0])}) DO NOTHING";

        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = db.Database.GetDbConnection().CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                command.CommandText = text;
                var values = new object?[properties.Length];
                foreach (var row in rows)
                {
                    command.Parameters.Clear();
                    for (var c = 0; c < properties.Length; c++)
                    {
                        values[c] = properties[c].PropertyInfo!.GetValue(row);
                        command.Parameters.Add(mappings[c].CreateParameter(command, names[c], values[c], properties[c].IsNullable));
                    }

                    if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
                    {
                        inserted(row, values[keyIndex]);
                    }
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private static async Task RunAsync<TEntity>(
        DbContext db,
        IReadOnlyList<TEntity> rows,
        bool returnKey,
        Func<DbCommand, Task> execute,
        CancellationToken cancellationToken)
        where TEntity : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entityType = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not part of the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = entityType.GetProperties().ToArray();
        var keyProperties = entityType.FindPrimaryKey()!.Properties;
        if (returnKey && keyProperties.Count != 1)
        {
            throw new InvalidOperationException("Returning keys needs a single-column key.");
        }

        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(Column))}) VALUES ";
        var tail = $" ON CONFLICT ({string.Join(", ", keyProperties.Select(Column))}) DO NOTHING"
            + (returnKey ? $" RETURNING {Column(keyProperties[0])}" : string.Empty);
        var rowsPerStatement = Math.Max(1, MaxParametersPerStatement / properties.Length);

        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            for (var start = 0; start < rows.Count; start += rowsPerStatement)
            {
                var end = Math.Min(rows.Count, start + rowsPerStatement);
                var command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    command.Transaction = transaction;
                    var text = new StringBuilder(head);
                    for (var r = start; r < end; r++)
                    {
                        text.Append(r == start ? "(" : ", (");
                        for (var c = 0; c < properties.Length; c++)
                        {
                            var name = $"@p{((r - start) * properties.Length) + c}";
                            text.Append(c == 0 ? name : ", " + name);
                            var property = properties[c];
                            var value = property.PropertyInfo!.GetValue(rows[r]);
                            command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, value, property.IsNullable));
                        }

                        text.Append(')');
                    }

                    command.CommandText = text.Append(tail).ToString();
                    await execute(command).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
