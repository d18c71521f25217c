using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Tests.Support;
using Renkei.Web.Features.Directory.Import;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>
/// Several files in one batch (DirectoryImportService.ImportManyAsync, the next file read while the current one is
/// written): each file is still its own import, with the result it would have alone.
/// </summary>
public sealed class BatchImportTests : IAsyncLifetime
{
    private static readonly ImportSource[] Files =
    [
        new(ImportKind.KaigoOpenData, Path.Combine(RepoPaths.Shared, "data", "kaigo-opendata", "jigyosho_760.csv"), "jigyosho_760.csv"),
        new(ImportKind.Iryojoho, Path.Combine(RepoPaths.Shared, "data", "iryojoho-net", "01-1_hospital_facility_info_20250601.csv"), "01-1_hospital_facility_info_20250601.csv"),
        new(ImportKind.Kouseikyoku, Path.Combine(RepoPaths.Shared, "data", "kouseikyoku", "tottori-2025-10.xlsx"), "tottori-2025-10.xlsx"),
    ];

    private readonly TestDatabase _batchDatabase = new();
    private readonly TestDatabase _oneByOneDatabase = new();
    private RenkeiFactory _batch = null!;
    private RenkeiFactory _oneByOne = null!;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "renkei-batch-" + Guid.NewGuid().ToString("N")[..8]);

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _batch = new RenkeiFactory(_batchDatabase);
        _oneByOne = new RenkeiFactory(_oneByOneDatabase);
        Assert.NotNull(_batch.Server);
        Assert.NotNull(_oneByOne.Server);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _batch.DisposeAsync();
        await _oneByOne.DisposeAsync();
        _batchDatabase.Dispose();
        _oneByOneDatabase.Dispose();
        Directory.Delete(_dir, true);
    }

    private static async Task<IReadOnlyList<ImportOutcome>> Batch(RenkeiFactory factory, IReadOnlyList<ImportSource> files)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DirectoryImportService>().ImportManyAsync(files, null, false, "test");
    }

    private static async Task<List<string>> Contents(RenkeiFactory factory)
    {
        var (scope, db) = factory.SystemDb();
        await using var _ = scope;
        // Sorted here, ordinally: two providers may share a search key and address (「サポート24帯広」 and
        // 「サポート24　帯広」), and the database would then return them in either order.
        var rows = await db.Providers
            .Select(p => p.Name + "|" + p.Kind + "|" + p.Address + "|" + p.Phone + "|" + p.Listed + "|" + p.Identifiers.Count + "|" + p.Functions.Count).ToListAsync();
        return [.. rows.Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task A_batch_gives_each_file_the_result_it_has_alone_and_a_second_batch_changes_nothing()
    {
        var outcomes = await Batch(_batch, Files);
        var alone = new List<string>();
        foreach (var file in Files)
        {
            await using var scope = _oneByOne.Services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<DirectoryImportService>();
            alone.Add((await service.ImportAsync(file.Kind, file.Path, file.DisplayName, null, false, true, "test")).Plan.Summary);
        }

        Assert.Equal(alone, outcomes.Select(o => o.Plan.Summary));
        Assert.Equal(await Contents(_oneByOne), await Contents(_batch));
        var (scope2, db) = _batch.SystemDb();
        await using (scope2)
        {
            Assert.Equal(Files.Select(f => f.DisplayName), await db.ImportRuns.OrderBy(r => r.Id).Select(r => r.FileName).ToListAsync());
            Assert.Equal(outcomes.Select(o => o.Run.Id), await db.ImportRuns.OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
        }

        var again = await Batch(_batch, Files);
        Assert.All(again, o => Assert.Equal(0, o.Plan.New.Count + o.Plan.Changed.Count + o.Plan.NoLongerListed.Count));
        Assert.Equal(outcomes.Select(o => o.Plan.New.Count + o.Plan.Changed.Count), again.Select(o => o.Plan.Unchanged));
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_stops_the_batch_and_the_files_before_it_stay_imported()
    {
        var empty = Path.Combine(_dir, "jigyosho_120.csv");
        await File.WriteAllBytesAsync(empty, []);
        ImportSource[] files = [Files[0], new(ImportKind.KaigoOpenData, empty, "jigyosho_120.csv"), Files[1]];

        var error = await Assert.ThrowsAsync<ImportFileException>(() => Batch(_batch, files));
        Assert.Contains("ファイルが空です", error.Message, StringComparison.Ordinal);

        var (scope, db) = _batch.SystemDb();
        await using var _ = scope;
        Assert.Equal(new[] { "jigyosho_760.csv" }, await db.ImportRuns.Select(r => r.FileName).ToListAsync());
        Assert.Equal(0, await db.Providers.CountAsync(p => p.Kind == Renkei.Web.Features.Directory.ProviderKind.Hospital));
    }

    [Fact]
    public async Task On_SQLite_the_batch_holds_checkpoints_back_and_leaves_the_log_copied_and_the_connection_as_it_found_it()
    {
        var (scope, db) = _batch.SystemDb();
        await using var _ = scope;
        await using (var held = await SqliteBatchCheckpoint.HoldAsync(db, default))
        {
            if (TestDatabase.IsPostgres) { Assert.Null(held); return; }
            Assert.Equal(0, await AutoCheckpointPages(db));
        }
        Assert.Equal(System.Data.ConnectionState.Closed, db.Database.GetDbConnection().State);
        await db.Database.OpenConnectionAsync();
        Assert.Equal(1000, await AutoCheckpointPages(db));
        await db.Database.CloseConnectionAsync();

        await Batch(_batch, Files);
        // Every frame of the log is in the database file: checkpointing again finds the log's frames all copied.
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await using var result = await command.ExecuteReaderAsync();
        Assert.True(await result.ReadAsync());
        Assert.Equal(0L, result.GetInt64(0)); // not blocked
        Assert.Equal(result.GetInt64(1), result.GetInt64(2)); // frames in the log, frames copied
    }

    // A pragma that sets as well as reads is not a table-valued function: asked on the connection itself.
    private static async Task<long> AutoCheckpointPages(Renkei.Web.Platform.Data.RenkeiDb db)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
