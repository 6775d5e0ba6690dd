using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
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
/// is prepared once per call and re-bound for every row (directly, see <see cref="SqliteStatement"/>); a row counts as
/// inserted when the statement changed a row. Values still go through the EF model's value converters.
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

    /// <summary>
    /// Inserts <paramref name="rows"/>, skipping those whose (single-column) key exists; returns the keys inserted.
    /// <paramref name="key"/> reads a row's key: typed, where reading the key property by reflection boxed every key.
    /// </summary>
    public static async Task<HashSet<TKey>> ExecuteReturningKeysAsync<TEntity, TKey>(
        DbContext db,
        IReadOnlyList<TEntity> rows,
        Func<TEntity, TKey> key,
        CancellationToken cancellationToken)
        where TEntity : class
        where TKey : notnull
    {
        var keys = new HashSet<TKey>(rows.Count); // sized once: most rows of a batch are new
        if (db.Database.IsSqlite())
        {
            await RunPerRowAsync(db, rows, row => keys.Add(key(row)), cancellationToken).ConfigureAwait(false);
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

    private static async Task RunPerRowAsync<TEntity>(DbContext db, IReadOnlyList<TEntity> rows, Action<TEntity> inserted, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var shape = InsertShape.Of<TEntity>(db, singleColumnKey: true);
        var properties = shape.Properties;
        var bind = SqliteRowBinder<TEntity>.For(properties);
        var text = $"{shape.Head}({string.Join(", ", properties.Select((_, i) => $"?{i + 1}"))}){shape.OnConflict}";
        if (db.Database.CurrentTransaction is null)
        {
            // The statement is run directly, without Microsoft.Data.Sqlite's retries on SQLITE_BUSY: only safe when the
            // caller's (immediate) transaction already holds the write lock.
            throw new InvalidOperationException("Inserting rows one by one on SQLite needs a transaction.");
        }

        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var statement = SqliteStatement.Prepare((SqliteConnection)db.Database.GetDbConnection(), text);
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                bind(row, statement);
                if (statement.Execute() == 1)
                {
                    inserted(row);
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

        var shape = InsertShape.Of<TEntity>(db, singleColumnKey: returnKey);
        var properties = shape.Properties;
        var head = shape.Head;
        var tail = shape.OnConflict + (returnKey ? $" RETURNING {shape.Column(shape.KeyProperties[0])}" : string.Empty);
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
                        var row = rows[r]; // read once: the list may make its rows as they are read
                        text.Append(r == start ? "(" : ", (");
                        for (var c = 0; c < properties.Length; c++)
                        {
                            var name = $"@p{((r - start) * properties.Length) + c}";
                            text.Append(c == 0 ? name : ", " + name);
                            var property = properties[c];
                            var value = property.PropertyInfo!.GetValue(row);
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

    /// <summary>What both insert forms need from the EF model: columns, quoting and the statement's fixed parts.</summary>
    private sealed class InsertShape
    {
        private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<Type, InsertShape>> Shapes = new();

        private readonly StoreObjectIdentifier _table;
        private readonly ISqlGenerationHelper _sql;

        private InsertShape(IEntityType entityType, ISqlGenerationHelper sql)
        {
            _table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            _sql = sql;
            Properties = entityType.GetProperties().ToArray();
            KeyProperties = entityType.FindPrimaryKey()!.Properties;
            Head = $"INSERT INTO {sql.DelimitIdentifier(_table.Name, _table.Schema)} ({string.Join(", ", Properties.Select(Column))}) VALUES ";
            OnConflict = $" ON CONFLICT ({string.Join(", ", KeyProperties.Select(Column))}) DO NOTHING";
        }

        public IProperty[] Properties { get; }

        public IReadOnlyList<IProperty> KeyProperties { get; }

        /// <summary><c>INSERT INTO table (columns) VALUES </c>.</summary>
        public string Head { get; }

        /// <summary><c> ON CONFLICT (key) DO NOTHING</c>.</summary>
        public string OnConflict { get; }

        public static InsertShape Of<TEntity>(DbContext db, bool singleColumnKey)
            where TEntity : class
        {
            // Built once per model (one per provider) and entity, not per batch: reading and quoting the names from
            // the model took about as long as inserting a few dozen rows.
            var shape = Shapes.GetOrCreateValue(db.Model).GetOrAdd(typeof(TEntity), static (type, db) =>
            {
                var entityType = db.Model.FindEntityType(type)
                    ?? throw new InvalidOperationException($"{type.Name} is not part of the model.");
                return new InsertShape(entityType, db.GetService<ISqlGenerationHelper>());
            }, db);
            if (singleColumnKey && shape.KeyProperties.Count != 1)
            {
                throw new InvalidOperationException("Returning keys needs a single-column key.");
            }

            return shape;
        }

        public string Column(IProperty property) => _sql.DelimitIdentifier(property.GetColumnName(_table)!);
    }
}
