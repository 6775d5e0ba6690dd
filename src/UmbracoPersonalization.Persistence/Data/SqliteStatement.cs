using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace UmbracoPersonalization.Persistence.Data;

/// <summary>
/// One SQLite statement prepared on an open <see cref="SqliteConnection"/> and run many times: bound by position,
/// stepped, reset. Runs in whatever transaction the connection is in.
/// </summary>
/// <remarks>
/// Used for the ingestion worker's per-row statements (the event insert and the profile update, hundreds per batch).
/// Through <see cref="SqliteCommand"/> each execution creates a data reader, looks every parameter's index up by name
/// and runs the generic value binder, several times SQLite's own <c>sqlite3_step</c> for these small statements; run
/// directly, <c>--ingest</c> used about 15 % less CPU per event. Values must already be in their provider form (see
/// <see cref="BindValue"/>). There are no busy retries here: the caller's transaction is an immediate one
/// (Microsoft.Data.Sqlite's default, which retries at <c>BEGIN</c>), so the write lock is already held.
/// </remarks>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _utf8 = new byte[256];

    private SqliteStatement(sqlite3 db, sqlite3_stmt statement)
    {
        _db = db;
        _statement = statement;
    }

    /// <summary>Prepares <paramref name="sql"/> (one statement) on the open <paramref name="connection"/>.</summary>
    public static SqliteStatement Prepare(SqliteConnection connection, string sql)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, db);
        return new SqliteStatement(db, statement);
    }

    /// <summary>The 1-based position of a named parameter (e.g. <c>@body</c>).</summary>
    public int IndexOf(string name)
    {
        var index = raw.sqlite3_bind_parameter_index(_statement, name);
        return index > 0 ? index : throw new InvalidOperationException($"The statement has no parameter {name}.");
    }

    /// <summary>Binds text, or NULL for <c>null</c>.</summary>
    public void BindText(int index, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, index));
            return;
        }

        // UTF-8 into a reused buffer: the string overload would allocate a null-terminated copy per value.
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_utf8.Length < max)
        {
            _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, _utf8);
        Check(raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, length)));
    }

    /// <summary>Binds text already encoded as UTF-8.</summary>
    public void BindUtf8(int index, ReadOnlySpan<byte> utf8) => Check(raw.sqlite3_bind_text(_statement, index, utf8));

    /// <summary>Binds a <see cref="Guid"/> as Microsoft.Data.Sqlite stores it for EF Core: upper-case TEXT.</summary>
    public void BindGuid(int index, Guid value)
    {
        Span<byte> utf8 = stackalloc byte[36];
        value.TryFormat(utf8, out _);
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] is >= (byte)'a' and <= (byte)'f')
            {
                utf8[i] -= 'a' - 'A';
            }
        }

        BindUtf8(index, utf8);
    }

    /// <summary>Binds an integer.</summary>
    public void BindInt64(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    /// <summary>
    /// Binds a value already converted by the column's EF value converter, stored the way Microsoft.Data.Sqlite stores
    /// it for EF Core's default SQLite mappings: integers as INTEGER, text as TEXT, a <see cref="Guid"/> as upper-case
    /// TEXT. Any other type throws, so a new column type cannot be written in a form EF would not read back.
    /// </summary>
    public void BindValue(int index, object? value)
    {
        switch (value)
        {
            case null:
                Check(raw.sqlite3_bind_null(_statement, index));
                break;
            case string text:
                BindText(index, text);
                break;
            case long number:
                BindInt64(index, number);
                break;
            case int number:
                BindInt64(index, number);
                break;
            case bool flag:
                BindInt64(index, flag ? 1 : 0);
                break;
            case Guid guid:
                BindGuid(index, guid);
                break;
            default:
                throw new NotSupportedException($"Binding a {value.GetType().Name} is not supported here.");
        }
    }

    /// <summary>Runs the statement once; returns the rows it changed. The bindings are kept until rebound.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        var changes = rc == raw.SQLITE_DONE ? raw.sqlite3_changes(_db) : 0;

        // Reset even after a failure, so the statement is not left active (COMMIT refuses while one is).
        raw.sqlite3_reset(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            throw new InvalidOperationException("The statement returned rows; only statements without results are run here.");
        }

        SqliteException.ThrowExceptionForRC(rc, _db);

        return changes;
    }

    /// <inheritdoc />
    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
