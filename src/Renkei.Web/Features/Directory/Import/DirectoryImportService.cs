using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Directory.Import;

public enum ImportKind { KaigoOpenData, Iryojoho, Kouseikyoku }

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

    public async Task<ImportFile> ReadAsync(ImportKind kind, string path, string displayName, string? prefecture, CancellationToken ct = default)
    {
        var municipalities = (await db.Municipalities.AsNoTracking().Select(m => m.Code).ToListAsync(ct)).ToHashSet();
        if (prefecture is not null && !await db.Prefectures.AnyAsync(p => p.Code == prefecture, ct))
            throw new ImportFileException($"都道府県コード「{prefecture}」はありません（01〜47）。");
        return kind switch
        {
            ImportKind.KaigoOpenData => KaigoOpenDataReader.Read(path, displayName, municipalities, prefecture),
            ImportKind.Iryojoho => IryojohoReader.Read(path, displayName, municipalities, prefecture),
            ImportKind.Kouseikyoku => KouseikyokuReader.Read(path, displayName, await AddressMunicipality.LoadAsync(db, ct), prefecture),
            _ => throw new ImportFileException("この種類の取込はありません。"),
        };
    }

    public async Task<(ImportPlan Plan, ImportRun? Run)> ImportAsync(ImportKind kind, string path, string displayName, string? prefecture,
        bool overwriteHandEdits, bool apply, string? userName, CancellationToken ct = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var file = await ReadAsync(kind, path, displayName, prefecture, ct);
        var read = clock.ElapsedMilliseconds;
        var plan = await importer.PlanAsync(file, overwriteHandEdits, ct);
        var planned = clock.ElapsedMilliseconds;
        var run = apply ? await importer.ApplyAsync(plan, userName, ct) : null;
        log.LogInformation("Import {File}: read {Read} ms, plan {Plan} ms, apply {Apply} ms: {Summary}",
            displayName, read, planned - read, clock.ElapsedMilliseconds - planned, plan.Summary);
        return (plan, run);
    }
}
