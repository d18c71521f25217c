using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// SQLite side of <see cref="ProviderBulkInsert"/>: prepared multi-row INSERTs bound by position through
/// SQLite's own API (Microsoft.Data.Sqlite binds by name, and SQLite looks each name up in a linear list).
/// Values are stored exactly as Microsoft.Data.Sqlite would store them, so EF reads them back unchanged.
/// </summary>
internal static class ProviderSqliteInsert
{
    // Rows per statement: fewer statements to step, while the SQL stays short (31 parameters a row).
    private const int RowsPerStatement = 32;

    public static void Insert(SqliteConnection connection, IReadOnlyList<Provider> providers)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The import's connection is not open.");
        var names = ProviderBulkInsert.Columns.Select(c => c.Name).ToArray();
        var meta = new FieldMetaJson();
        var trigger = SearchIndexTrigger.Suspend(db);
        // The first row takes its id from the database, above every id in the table, and with it SQLite's
        // write lock: nobody else inserts until this transaction ends, so the ids that follow are free.
        using (var first = Statement.Prepare(db, InsertSql("Providers", names, 1)))
        {
            first.Bind(1, ProviderBulkInsert.Values(providers[0], meta));
            first.Run();
            providers[0].Id = checked((int)raw.sqlite3_last_insert_rowid(db));
        }
        for (var i = 1; i < providers.Count; i++) providers[i].Id = providers[0].Id + i;
        Rows(db, "Providers", ["Id", .. names], providers.Skip(1).ToList(), (s, at, p) =>
        {
            s.Bind(at, p.Id);
            s.Bind(at + 1, ProviderBulkInsert.Values(p, meta));
        });
        InsertParts(connection, ProviderBulkInsert.PartsOf(providers));
        trigger?.Resume(providers[0].Id);
    }

    /// <summary>Identifiers and functions of providers whose ids are known.</summary>
    public static void InsertParts(SqliteConnection connection, ProviderBulkInsert.Parts parts)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The import's connection is not open.");
        Rows(db, "ProviderIdentifier", ["ProviderId", "Scheme", "Value"], parts.Identifiers, (s, at, x) =>
        {
            s.Bind(at, x.ProviderId);
            s.Bind(at + 1, (int)x.Identifier.Scheme);
            s.Bind(at + 2, x.Identifier.Value);
        });
        Rows(db, "ProviderFunction", ["ProviderId", "Code", "Since", "Source"], parts.Functions, (s, at, x) =>
        {
            s.Bind(at, x.ProviderId);
            s.Bind(at + 1, x.Function.Code);
            s.Bind(at + 2, x.Function.Since);
            s.Bind(at + 3, (int)x.Function.Source);
        });
    }

    /// <summary>Inserts the items <see cref="RowsPerStatement"/> at a time; <paramref name="bind"/> binds one item from a parameter index on.</summary>
    private static void Rows<T>(sqlite3 db, string table, string[] columns, IReadOnlyList<T> items, Action<Statement, int, T> bind)
    {
        Statement? full = null;
        try
        {
            for (var start = 0; start < items.Count; start += RowsPerStatement)
            {
                var count = Math.Min(RowsPerStatement, items.Count - start);
                var statement = count == RowsPerStatement ? full ??= Statement.Prepare(db, InsertSql(table, columns, RowsPerStatement))
                    : Statement.Prepare(db, InsertSql(table, columns, count));
                for (var r = 0; r < count; r++) bind(statement, 1 + r * columns.Length, items[start + r]);
                statement.Run();
                if (statement != full) statement.Dispose();
            }
        }
        finally
        {
            full?.Dispose();
        }
    }

    private static string InsertSql(string table, string[] columns, int rows) =>
        $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES "
        + string.Join(", ", Enumerable.Repeat($"({string.Join(", ", columns.Select(_ => "?"))})", rows));

    private sealed class Statement : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _stmt;

        private Statement(sqlite3 db, sqlite3_stmt stmt) => (_db, _stmt) = (db, stmt);

        public static Statement Prepare(sqlite3 db, string sql)
        {
            var rc = raw.sqlite3_prepare_v2(db, sql, out var stmt);
            SqliteException.ThrowExceptionForRC(rc, db);
            return new Statement(db, stmt);
        }

        /// <summary>Binds the values to the parameters from <paramref name="index"/> on (one-based, as SQLite counts).</summary>
        public void Bind(int index, object?[] values)
        {
            for (var i = 0; i < values.Length; i++) Bind(index + i, values[i]);
        }

        // The stored forms of Microsoft.Data.Sqlite: integers for enums and booleans, text for dates.
        public void Bind(int index, object? value) => Check(value switch
        {
            null => raw.sqlite3_bind_null(_stmt, index),
            "" => raw.sqlite3_bind_text(_stmt, index, ""), // an empty span would bind NULL
            string s => BindUtf8(index, s),
            int n => raw.sqlite3_bind_int64(_stmt, index, n),
            long n => raw.sqlite3_bind_int64(_stmt, index, n),
            bool b => raw.sqlite3_bind_int64(_stmt, index, b ? 1 : 0),
            double d => raw.sqlite3_bind_double(_stmt, index, d),
            DateTime t => BindUtf8(index, Text(t)),
            DateOnly d => BindUtf8(index, d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException($"No SQLite binding for {value.GetType()}.", nameof(value)),
        });

        // Text goes in as UTF-8 encoded here: bound as UTF-16, SQLite converted it to the database's UTF-8 at once with
        // a loop of its own, a quarter of the bulk insert. SQLite copies the bound bytes, so one buffer serves.
        private byte[] _utf8 = new byte[4096];

        private int BindUtf8(int index, string s)
        {
            var max = System.Text.Encoding.UTF8.GetMaxByteCount(s.Length);
            if (max > _utf8.Length) _utf8 = new byte[max];
            var length = System.Text.Encoding.UTF8.GetBytes(s, _utf8);
            return raw.sqlite3_bind_text(_stmt, index, _utf8.AsSpan(0, length));
        }

        // Every row of an import carries the same timestamps: format each once.
        private DateTime _lastTime;
        private string? _lastTimeText;

        private string Text(DateTime t)
        {
            if (_lastTimeText is null || t != _lastTime) (_lastTime, _lastTimeText) = (t, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture));
            return _lastTimeText;
        }

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
        }

        /// <summary>The first column of the first row, for a one-value query.</summary>
        public string? Text()
        {
            var text = raw.sqlite3_step(_stmt) == raw.SQLITE_ROW ? raw.sqlite3_column_text(_stmt, 0).utf8_to_string() : null;
            raw.sqlite3_reset(_stmt);
            return text;
        }

        public void Run()
        {
            var rc = raw.sqlite3_step(_stmt);
            raw.sqlite3_reset(_stmt);
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
        }

        public void Dispose() => _stmt.Dispose();
    }

    /// <summary>
    /// The text index's insert trigger, set aside while a bulk insert runs and replaced by one statement that indexes
    /// the new rows. FTS5 writes its pending terms out at every statement that touches it, so a trigger firing
    /// statement by statement left thousands of tiny segments to merge. Dropped and recreated (from its own stored
    /// definition) inside the import's transaction: no other connection ever sees the table without it.
    /// </summary>
    private sealed class SearchIndexTrigger(sqlite3 db, string definition)
    {
        private const string Name = "ProviderSearchIndex_ai";

        public static SearchIndexTrigger? Suspend(sqlite3 db)
        {
            string? definition;
            using (var find = Statement.Prepare(db, $"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = '{Name}'")) definition = find.Text();
            if (definition is null) return null;
            Execute(db, $"DROP TRIGGER \"{Name}\"");
            return new SearchIndexTrigger(db, definition);
        }

        public void Resume(int firstId)
        {
            Execute(db, $"INSERT INTO ProviderSearchIndex(rowid, SearchKey) SELECT \"Id\", {SqliteTextIndex.IndexedText} FROM \"Providers\" WHERE \"Id\" >= {firstId.ToString(CultureInfo.InvariantCulture)}");
            Execute(db, definition);
        }

        private static void Execute(sqlite3 db, string sql) => SqliteException.ThrowExceptionForRC(raw.sqlite3_exec(db, sql), db);
    }
}
