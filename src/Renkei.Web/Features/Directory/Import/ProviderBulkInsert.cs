using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// Inserts new providers (with their identifiers and functions) on the import's own connection and
/// transaction, bypassing EF Core's per-row round trips: binary COPY on PostgreSQL
/// (<see cref="ProviderBulkCopy"/>), prepared statements on SQLite (<see cref="ProviderSqliteInsert"/>).
/// Columns must follow the EF model (see the migrations).
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
    internal static object?[] Values(Provider p, FieldMetaJson meta) =>
    [
        (int)p.Kind, p.ServiceCode, p.Name, p.NameKana, p.SearchKey, p.PrefectureCode, p.MunicipalityCode, p.Address, p.Latitude, p.Longitude,
        (int)p.CoordinatePrecision, p.Phone, p.Fax, p.Url, p.Email, p.OpenDays, (int?)p.OpenWeekdays, p.Departments, p.Hours, p.Beds, p.Capacity, p.CorporateNumber, p.CorporateName,
        p.PublicationConsent, p.Listed, p.LastConfirmedOn, p.CreatedAtUtc, p.UpdatedAtUtc, p.Version, meta.Of(p.FieldMeta),
    ];

    /// <summary>Identifiers and functions to insert, each with the id of its provider.</summary>
    public sealed record Parts(IReadOnlyList<(int ProviderId, ProviderIdentifier Identifier)> Identifiers, IReadOnlyList<(int ProviderId, ProviderFunction Function)> Functions);

    /// <summary>The identifiers and functions the providers carry, under their (assigned) ids.</summary>
    internal static Parts PartsOf(IReadOnlyList<Provider> providers) =>
        new([.. providers.SelectMany(p => p.Identifiers.Select(i => (p.Id, i)))], [.. providers.SelectMany(p => p.Functions.Select(f => (p.Id, f)))]);

    public static async Task InsertAsync(RenkeiDb db, IReadOnlyList<Provider> providers, CancellationToken ct)
    {
        if (providers.Count == 0) return;
        switch (Connection(db))
        {
            case Npgsql.NpgsqlConnection npgsql: await ProviderBulkCopy.CopyAsync(npgsql, providers, ct); break;
            case Microsoft.Data.Sqlite.SqliteConnection sqlite: ProviderSqliteInsert.Insert(sqlite, providers); break;
        }
    }

    /// <summary>Inserts identifiers and functions of providers already in the table (an import's changed providers).</summary>
    public static async Task InsertPartsAsync(RenkeiDb db, Parts parts, CancellationToken ct)
    {
        if (parts.Identifiers.Count == 0 && parts.Functions.Count == 0) return;
        switch (Connection(db))
        {
            case Npgsql.NpgsqlConnection npgsql: await ProviderBulkCopy.CopyPartsAsync(npgsql, parts, ct); break;
            case Microsoft.Data.Sqlite.SqliteConnection sqlite: ProviderSqliteInsert.InsertParts(sqlite, parts); break;
        }
    }

    private static System.Data.Common.DbConnection Connection(RenkeiDb db)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Bulk insert runs inside the import's transaction.");
        var connection = db.Database.GetDbConnection();
        return connection is Npgsql.NpgsqlConnection or Microsoft.Data.Sqlite.SqliteConnection ? connection
            : throw new NotSupportedException("Bulk insert knows SQLite and PostgreSQL only.");
    }
}
