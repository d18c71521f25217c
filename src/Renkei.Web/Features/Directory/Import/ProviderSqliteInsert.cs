using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// SQLite side of <see cref="ProviderBulkInsert"/>: one prepared single-row INSERT per table, bound by position
/// through SQLite's own API and reused for every row. (Microsoft.Data.Sqlite binds parameters by name, and SQLite
/// looks each name up in a linear list: in multi-row statements that lookup was most of the import's time.)
/// Values are stored exactly as Microsoft.Data.Sqlite would store them, so EF reads them back unchanged.
/// </summary>
internal static class ProviderSqliteInsert
{
    public static void Insert(SqliteConnection connection, IReadOnlyList<Provider> providers)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The import's connection is not open.");
        var names = ProviderBulkInsert.Columns.Select(c => c.Name).ToArray();
        var meta = new FieldMetaJson();
        // The first row takes its id from the database, above every id in the table, and with it SQLite's
        // write lock: nobody else inserts until this transaction ends, so the ids that follow are free.
        using (var first = Statement.Prepare(db, InsertSql("Providers", names)))
        {
            first.Run(ProviderBulkInsert.Values(providers[0], meta));
            providers[0].Id = checked((int)raw.sqlite3_last_insert_rowid(db));
        }
        using (var rest = Statement.Prepare(db, InsertSql("Providers", ["Id", .. names])))
        {
            for (var i = 1; i < providers.Count; i++)
            {
                providers[i].Id = providers[0].Id + i;
                rest.Run([providers[i].Id, .. ProviderBulkInsert.Values(providers[i], meta)]);
            }
        }
        using (var identifiers = Statement.Prepare(db, InsertSql("ProviderIdentifier", ["ProviderId", "Scheme", "Value"])))
        {
            foreach (var p in providers)
                foreach (var i in p.Identifiers) identifiers.Run([p.Id, (int)i.Scheme, i.Value]);
        }
        using var functions = Statement.Prepare(db, InsertSql("ProviderFunction", ["ProviderId", "Code", "Since", "Source"]));
        foreach (var p in providers)
            foreach (var f in p.Functions) functions.Run([p.Id, f.Code, f.Since, (int)f.Source]);
    }

    private static string InsertSql(string table, string[] columns) =>
        $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";

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

        public void Run(object?[] values)
        {
            for (var i = 0; i < values.Length; i++) Check(Bind(i + 1, values[i]));
            var rc = raw.sqlite3_step(_stmt);
            raw.sqlite3_reset(_stmt);
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
        }

        // The stored forms of Microsoft.Data.Sqlite: integers for enums and booleans, text for dates.
        private int Bind(int index, object? value) => value switch
        {
            null => raw.sqlite3_bind_null(_stmt, index),
            string s => raw.sqlite3_bind_text(_stmt, index, s),
            int n => raw.sqlite3_bind_int64(_stmt, index, n),
            long n => raw.sqlite3_bind_int64(_stmt, index, n),
            bool b => raw.sqlite3_bind_int64(_stmt, index, b ? 1 : 0),
            double d => raw.sqlite3_bind_double(_stmt, index, d),
            DateTime t => raw.sqlite3_bind_text(_stmt, index, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            DateOnly d => raw.sqlite3_bind_text(_stmt, index, d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException($"No SQLite binding for {value.GetType()}.", nameof(value)),
        };

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
        }

        public void Dispose() => _stmt.Dispose();
    }
}
