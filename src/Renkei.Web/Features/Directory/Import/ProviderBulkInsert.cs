using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NpgsqlTypes;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// Inserts new providers (with their identifiers and functions) on the import's own connection and
/// transaction, bypassing EF Core's per-row round trips: binary COPY on PostgreSQL
/// (<see cref="ProviderBulkCopy"/>), multi-row INSERTs on SQLite. Columns must follow the EF model
/// (see the migrations).
/// </summary>
public static class ProviderBulkInsert
{
    /// <summary>The provider columns written, with their PostgreSQL type for COPY.</summary>
    internal static readonly (string Name, NpgsqlDbType Type)[] Columns =
    [
        ("Kind", NpgsqlDbType.Integer), ("ServiceCode", NpgsqlDbType.Varchar), ("Name", NpgsqlDbType.Varchar), ("NameKana", NpgsqlDbType.Varchar),
        ("SearchKey", NpgsqlDbType.Varchar), ("PrefectureCode", NpgsqlDbType.Varchar), ("MunicipalityCode", NpgsqlDbType.Varchar), ("Address", NpgsqlDbType.Varchar),
        ("Latitude", NpgsqlDbType.Double), ("Longitude", NpgsqlDbType.Double), ("CoordinatePrecision", NpgsqlDbType.Integer), ("Phone", NpgsqlDbType.Varchar),
        ("Fax", NpgsqlDbType.Varchar), ("Url", NpgsqlDbType.Varchar), ("Email", NpgsqlDbType.Varchar), ("OpenDays", NpgsqlDbType.Varchar),
        ("OpenWeekdays", NpgsqlDbType.Integer), ("Departments", NpgsqlDbType.Varchar), ("Hours", NpgsqlDbType.Varchar), ("Beds", NpgsqlDbType.Integer),
        ("Capacity", NpgsqlDbType.Integer), ("CorporateNumber", NpgsqlDbType.Varchar), ("CorporateName", NpgsqlDbType.Varchar),
        ("PublicationConsent", NpgsqlDbType.Boolean), ("Listed", NpgsqlDbType.Boolean), ("LastConfirmedOn", NpgsqlDbType.Date),
        ("CreatedAtUtc", NpgsqlDbType.TimestampTz), ("UpdatedAtUtc", NpgsqlDbType.TimestampTz), ("Version", NpgsqlDbType.Bigint), ("FieldMeta", NpgsqlDbType.Text),
    ];

    /// <summary>The values of <see cref="Columns"/> for one provider, in order.</summary>
    internal static object?[] Values(Provider p) =>
    [
        (int)p.Kind, p.ServiceCode, p.Name, p.NameKana, p.SearchKey, p.PrefectureCode, p.MunicipalityCode, p.Address, p.Latitude, p.Longitude,
        (int)p.CoordinatePrecision, p.Phone, p.Fax, p.Url, p.Email, p.OpenDays, (int?)p.OpenWeekdays, p.Departments, p.Hours, p.Beds, p.Capacity, p.CorporateNumber, p.CorporateName,
        p.PublicationConsent, p.Listed, p.LastConfirmedOn, p.CreatedAtUtc, p.UpdatedAtUtc, p.Version, ProviderConfiguration.SerializeMeta(p.FieldMeta),
    ];

    // Rows per INSERT statement: small, because SQLite looks parameter names up one by one (linear in the count).
    private const int Batch = 20;

    public static async Task InsertAsync(RenkeiDb db, IReadOnlyList<Provider> providers, CancellationToken ct)
    {
        if (providers.Count == 0) return;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk insert runs inside the import's transaction.");
        if (connection is Npgsql.NpgsqlConnection npgsql)
        {
            await ProviderBulkCopy.CopyAsync(npgsql, providers, ct);
            return;
        }

        // The first row takes its id from the database, above every id in the table, and with it SQLite's
        // write lock: nobody else inserts until this transaction ends, so the ids that follow are free.
        var names = Columns.Select(c => c.Name).ToArray();
        await using (var first = Command(connection, transaction, InsertSql("Providers", names, 1, withId: false) + " RETURNING \"Id\""))
        {
            Bind(first, Values(providers[0]));
            providers[0].Id = Convert.ToInt32(await first.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }
        for (var i = 1; i < providers.Count; i++) providers[i].Id = providers[0].Id + i;

        await InsertRowsAsync(connection, transaction, "Providers", names, providers.Skip(1).Select(p => Values(p)), ct, withId: true, ids: providers.Skip(1).Select(p => p.Id));
        await InsertRowsAsync(connection, transaction, "ProviderIdentifier", ["ProviderId", "Scheme", "Value"],
            providers.SelectMany(p => p.Identifiers.Select(i => new object?[] { p.Id, (int)i.Scheme, i.Value })), ct);
        await InsertRowsAsync(connection, transaction, "ProviderFunction", ["ProviderId", "Code", "Since", "Source"],
            providers.SelectMany(p => p.Functions.Select(f => new object?[] { p.Id, f.Code, f.Since, (int)f.Source })), ct);
    }

    /// <summary>Inserts the rows <see cref="Batch"/> at a time (one prepared statement for full batches, one for the rest).</summary>
    private static async Task InsertRowsAsync(DbConnection connection, DbTransaction transaction, string table, string[] columns, IEnumerable<object?[]> rows,
        CancellationToken ct, bool withId = false, IEnumerable<int>? ids = null)
    {
        var all = withId ? rows.Zip(ids!, (r, id) => (object?[])[id, .. r]).ToList() : rows.ToList();
        DbCommand? full = null;
        try
        {
            foreach (var chunk in all.Chunk(Batch))
            {
                var command = chunk.Length == Batch
                    ? full ??= Command(connection, transaction, InsertSql(table, columns, Batch, withId))
                    : Command(connection, transaction, InsertSql(table, columns, chunk.Length, withId));
                Bind(command, [.. chunk.SelectMany(r => r)]);
                await command.ExecuteNonQueryAsync(ct);
                if (command != full) await command.DisposeAsync();
            }
        }
        finally
        {
            if (full is not null) await full.DisposeAsync();
        }
    }

    private static string InsertSql(string table, string[] columns, int rows, bool withId)
    {
        var names = withId ? ["Id", .. columns] : columns;
        var sql = new StringBuilder($"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(c => $"\"{c}\""))}) VALUES ");
        for (var r = 0; r < rows; r++)
        {
            if (r > 0) sql.Append(", ");
            sql.Append('(');
            for (var c = 0; c < names.Length; c++) sql.Append(c > 0 ? ", " : "").Append("@p").Append(r * names.Length + c);
            sql.Append(')');
        }
        return sql.ToString();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Bind(DbCommand command, object?[] values)
    {
        if (command.Parameters.Count == 0)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                command.Parameters.Add(parameter);
            }
        }
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }
}
