using Npgsql;
using NpgsqlTypes;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// PostgreSQL side of <see cref="ProviderBulkInsert"/>: the providers' ids are drawn from the table's
/// identity sequence in one query, then providers, identifiers and functions go in by binary COPY
/// (within the import's transaction, which the connection already has open).
/// </summary>
public static class ProviderBulkCopy
{
    public static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<Provider> providers, CancellationToken ct)
    {
        await using (var ids = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('\"Providers\"', 'Id'))::integer FROM generate_series(1, @n)", connection))
        {
            ids.Parameters.AddWithValue("n", providers.Count);
            await using var reader = await ids.ExecuteReaderAsync(ct);
            var i = 0;
            while (await reader.ReadAsync(ct)) providers[i++].Id = reader.GetInt32(0);
        }

        var columns = ProviderBulkInsert.Columns;
        var meta = new FieldMetaJson();
        await using (var writer = await connection.BeginBinaryImportAsync(
            $"COPY \"Providers\" (\"Id\", {string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in providers)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(p.Id, NpgsqlDbType.Integer, ct);
                var values = ProviderBulkInsert.Values(p, meta);
                for (var c = 0; c < columns.Length; c++)
                {
                    if (values[c] is null) await writer.WriteNullAsync(ct);
                    else await writer.WriteAsync(values[c], columns[c].Type, ct);
                }
            }
            await writer.CompleteAsync(ct);
        }
        await CopyPartsAsync(connection, ProviderBulkInsert.PartsOf(providers), ct);
    }

    /// <summary>Identifiers and functions of providers whose ids are known.</summary>
    public static async Task CopyPartsAsync(NpgsqlConnection connection, ProviderBulkInsert.Parts parts, CancellationToken ct)
    {
        await using (var writer = await connection.BeginBinaryImportAsync("COPY \"ProviderIdentifier\" (\"ProviderId\", \"Scheme\", \"Value\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (providerId, i) in parts.Identifiers)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(providerId, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync((int)i.Scheme, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(i.Value, NpgsqlDbType.Varchar, ct);
            }
            await writer.CompleteAsync(ct);
        }
        await using (var writer = await connection.BeginBinaryImportAsync("COPY \"ProviderFunction\" (\"ProviderId\", \"Code\", \"Since\", \"Source\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (providerId, f) in parts.Functions)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(providerId, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(f.Code, NpgsqlDbType.Varchar, ct);
                if (f.Since is { } since) await writer.WriteAsync(since, NpgsqlDbType.Date, ct);
                else await writer.WriteNullAsync(ct);
                await writer.WriteAsync((int)f.Source, NpgsqlDbType.Integer, ct);
            }
            await writer.CompleteAsync(ct);
        }
    }
}
