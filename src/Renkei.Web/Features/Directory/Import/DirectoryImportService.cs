using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Directory.Import;

public enum ImportKind { KaigoOpenData, Iryojoho, Kouseikyoku }

/// <summary>One file of a batch (<see cref="DirectoryImportService.ImportManyAsync"/>).</summary>
public sealed record ImportSource(ImportKind Kind, string Path, string DisplayName);

/// <summary>What one file of a batch did, and how long it took to read (in the background), plan and apply.</summary>
public sealed record ImportOutcome(ImportSource Source, ImportPlan Plan, ImportRun Run, long ReadMs, long PlanMs, long ApplyMs);

/// <summary>
/// One entry point for every importer, used by the upload page and the `import` command alike:
/// read the file (rejecting it whole or row by row), plan the diff, and apply it unless only a preview is wanted.
/// </summary>
public sealed class DirectoryImportService(RenkeiDb db, DirectoryImporter importer, ILogger<DirectoryImportService> log)
{
    public static readonly IReadOnlyDictionary<string, ImportKind> CommandNames = new Dictionary<string, ImportKind>
    {
        ["kaigo-opendata"] = ImportKind.KaigoOpenData,
        ["iryojoho"] = ImportKind.Iryojoho,
        ["kouseikyoku"] = ImportKind.Kouseikyoku,
    };

    /// <summary>What the readers check rows against: the municipality codes, and the places addresses are matched to.</summary>
    private sealed record Places(IReadOnlySet<string> Municipalities, AddressMunicipality? Addresses);

    public async Task<ImportFile> ReadAsync(ImportKind kind, string path, string displayName, string? prefecture, CancellationToken ct = default) =>
        Read(new ImportSource(kind, path, displayName), prefecture, await PlacesAsync([kind], prefecture, ct));

    private async Task<Places> PlacesAsync(IEnumerable<ImportKind> kinds, string? prefecture, CancellationToken ct)
    {
        var municipalities = (await db.Municipalities.AsNoTracking().Select(m => m.Code).ToListAsync(ct)).ToHashSet();
        if (prefecture is not null && !await db.Prefectures.AnyAsync(p => p.Code == prefecture, ct))
            throw new ImportFileException($"都道府県コード「{prefecture}」はありません（01〜47）。");
        return new Places(municipalities, kinds.Contains(ImportKind.Kouseikyoku) ? await AddressMunicipality.LoadAsync(db, ct) : null);
    }

    // Touches no table: safe on another thread while the context is busy.
    private static ImportFile Read(ImportSource file, string? prefecture, Places places) => file.Kind switch
    {
        ImportKind.KaigoOpenData => KaigoOpenDataReader.Read(file.Path, file.DisplayName, places.Municipalities, prefecture),
        ImportKind.Iryojoho => IryojohoReader.Read(file.Path, file.DisplayName, places.Municipalities, prefecture),
        ImportKind.Kouseikyoku => KouseikyokuReader.Read(file.Path, file.DisplayName, places.Addresses!, prefecture),
        _ => throw new ImportFileException("この種類の取込はありません。"),
    };

    public async Task<(ImportPlan Plan, ImportRun? Run)> ImportAsync(ImportKind kind, string path, string displayName, string? prefecture,
        bool overwriteHandEdits, bool apply, string? userName, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var file = await ReadAsync(kind, path, displayName, prefecture, ct);
        var read = clock.ElapsedMilliseconds;
        var plan = await importer.PlanAsync(file, overwriteHandEdits, ct);
        var planned = clock.ElapsedMilliseconds;
        var run = apply ? await importer.ApplyAsync(plan, userName, ct) : null;
        log.LogInformation("Import {File}: read {Read} ms, plan {Plan} ms, apply {Apply} ms: {Summary}",
            displayName, read, planned - read, clock.ElapsedMilliseconds - planned, plan.Summary);
        return (plan, run);
    }

    /// <summary>
    /// Imports several files in turn, each exactly as <see cref="ImportAsync"/> would (its own plan, transaction, report
    /// and audit entry). Reading a file touches no table, so the next file is read on another thread while the current
    /// one is planned and written; planning must wait, as it depends on what the files before wrote. A file that cannot
    /// be read stops the batch with its <see cref="ImportFileException"/>; the files before it stay imported. On SQLite
    /// the write-ahead log is checkpointed once, after the batch (<see cref="SqliteBatchCheckpoint"/>).
    /// </summary>
    public async Task<IReadOnlyList<ImportOutcome>> ImportManyAsync(IReadOnlyList<ImportSource> files, string? prefecture,
        bool overwriteHandEdits, string? userName, CancellationToken ct = default)
    {
        var places = await PlacesAsync(files.Select(f => f.Kind), prefecture, ct);
        await using var checkpoint = await SqliteBatchCheckpoint.HoldAsync(db, ct);
        Task<(ImportFile File, long Ms)> ReadInBackground(ImportSource file) => Task.Run(() =>
        {
            var clock = Stopwatch.StartNew();
            return (Read(file, prefecture, places), clock.ElapsedMilliseconds);
        }, ct);

        var outcomes = new List<ImportOutcome>(files.Count);
        var reading = files.Count > 0 ? ReadInBackground(files[0]) : null;
        for (var i = 0; i < files.Count; i++)
        {
            var (file, readMs) = await reading!;
            reading = i + 1 < files.Count ? ReadInBackground(files[i + 1]) : null;
            try
            {
                var clock = Stopwatch.StartNew();
                var plan = await importer.PlanAsync(file, overwriteHandEdits, ct);
                var planMs = clock.ElapsedMilliseconds;
                var run = await importer.ApplyAsync(plan, userName, ct);
                db.ChangeTracker.Clear(); // what one file wrote is no concern of the next file's change detection
                outcomes.Add(new ImportOutcome(files[i], plan, run, readMs, planMs, clock.ElapsedMilliseconds - planMs));
                log.LogInformation("Import {File}: read {Read} ms (alongside), plan {Plan} ms, apply {Apply} ms: {Summary}",
                    files[i].DisplayName, readMs, planMs, clock.ElapsedMilliseconds - planMs, plan.Summary);
            }
            catch
            {
                if (reading is not null) await Task.WhenAny(reading); // no read left running past the batch
                throw;
            }
        }
        return outcomes;
    }
}
