using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// Writes an import's changes to providers already in the directory without EF Core's change tracker, as
/// <see cref="ProviderBulkInsert"/> writes its new ones. Tracking the changed providers made EF build and compile some
/// hundreds of delegates (snapshots, accessors, update commands) the first time a process imported a file that changed
/// or joined a provider: about a quarter of a second of the first import (ADR 13). Each UPDATE keeps the rule of the
/// edit pages: it names the version the import read and writes the next, so a provider someone saved in between stops
/// the whole import instead of being overwritten. The providers' audit is the import's own (ImportHistory), as before.
/// </summary>
public static class ProviderBulkUpdate
{
    /// <param name="Provider">The provider, read without tracking, with the import's values set and its version bumped.</param>
    /// <param name="ReadVersion">Its version when the import read it: the stored row must still have it.</param>
    /// <param name="FunctionsOf">The source whose stored functions are replaced by the provider's functions of that source; null leaves functions alone.</param>
    /// <param name="Attach">An identifier the provider gains (a row the matcher joined to it).</param>
    public sealed record Change(Provider Provider, long ReadVersion, DataSource? FunctionsOf, ProviderIdentifier? Attach);

    /// <summary>Said when a provider changed or disappeared between the import's reading and its writing.</summary>
    public static string Conflict(string name) =>
        $"「{name}」を取込の途中で他の利用者が変更または削除しました。このファイルは取り込んでいません。もう一度取り込んでください。";

    /// <summary>Runs inside the import's transaction; <paramref name="unlisted"/> are marked no longer listed.</summary>
    public static async Task ApplyAsync(RenkeiDb db, IReadOnlyList<Change> changes, IReadOnlyList<int> unlisted, CancellationToken ct)
    {
        if (changes.Count > 0)
        {
            await UpdateRowsAsync(db, changes, ct);
            foreach (var bySource in changes.Where(c => c.FunctionsOf is not null).GroupBy(c => c.FunctionsOf!.Value))
            {
                var source = bySource.Key;
                foreach (var ids in bySource.Select(c => c.Provider.Id).Chunk(2000))
                    await db.Set<ProviderFunction>().Where(f => f.Source == source && EF.Parameter(ids).Contains(f.ProviderId)).ExecuteDeleteAsync(ct);
            }
            await ProviderBulkInsert.InsertPartsAsync(db, new ProviderBulkInsert.Parts(
                [.. changes.Where(c => c.Attach is not null).Select(c => (c.Provider.Id, c.Attach!))],
                [.. changes.Where(c => c.FunctionsOf is not null).SelectMany(c => c.Provider.Functions.Where(f => f.Source == c.FunctionsOf).Select(f => (c.Provider.Id, f)))]), ct);
        }
        foreach (var ids in unlisted.Chunk(2000))
            await db.Providers.Where(p => EF.Parameter(ids).Contains(p.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.Listed, false).SetProperty(p => p.Version, p => p.Version + 1), ct);
    }

    // One UPDATE of every column the bulk insert writes, run once per provider with new values (SQLite keeps the
    // command's statement prepared between runs): a file changes a few thousand providers at most, and the statement is
    // the same for SQLite and PostgreSQL.
    private static async Task UpdateRowsAsync(RenkeiDb db, IReadOnlyList<Change> changes, CancellationToken ct)
    {
        var columns = ProviderBulkInsert.Columns;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Bulk update runs inside the import's transaction.");
        command.CommandText = $"UPDATE \"Providers\" SET {string.Join(", ", columns.Select((c, i) => $"\"{c.Name}\" = @p{i}"))} WHERE \"Id\" = @id AND \"Version\" = @read";
        var values = columns.Select((c, i) => Parameter(command, $"p{i}", c.Type)).ToArray();
        var id = Parameter(command, "id", NpgsqlTypes.NpgsqlDbType.Integer);
        var read = Parameter(command, "read", NpgsqlTypes.NpgsqlDbType.Bigint);
        var meta = new FieldMetaJson();
        foreach (var change in changes)
        {
            var row = ProviderBulkInsert.Values(change.Provider, meta);
            for (var i = 0; i < row.Length; i++) values[i].Value = row[i] ?? DBNull.Value;
            id.Value = change.Provider.Id;
            read.Value = change.ReadVersion;
            if (await command.ExecuteNonQueryAsync(ct) != 1) throw new ImportFileException(Conflict(change.Provider.Name));
        }
    }

    // PostgreSQL is told each column's type (a null has none of its own); SQLite stores the value's own form, which is
    // Microsoft.Data.Sqlite's, as EF's and the bulk insert's are.
    private static DbParameter Parameter(DbCommand command, string name, NpgsqlTypes.NpgsqlDbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        if (parameter is Npgsql.NpgsqlParameter npgsql) npgsql.NpgsqlDbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
