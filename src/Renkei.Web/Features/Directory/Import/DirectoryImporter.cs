using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Audit;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// Plans and applies an <see cref="ImportFile"/> against the directory. Planning writes nothing and
/// yields the diff; applying writes the whole plan in one transaction or nothing. Fields staff edited
/// by hand are kept unless the caller asks to overwrite them. Running the same file twice changes nothing.
/// </summary>
public sealed partial class DirectoryImporter(RenkeiDb db, TimeProvider clock, SourceMatcher matcher)
{
    public async Task<ImportPlan> PlanAsync(ImportFile file, bool overwriteHandEdits, CancellationToken ct = default)
    {
        if (file.UpdatesOnly is { } unknownReason) return await PlanUpdatesAsync(file, unknownReason, overwriteHandEdits, ct);
        var existing = await KnownKeysAsync(file, ct);
        var matchedIds = file.Rows.Where(r => existing.ContainsKey(r.Key)).Select(r => existing[r.Key].ProviderId).ToHashSet();
        var providers = await LoadAsync(matchedIds, ct);

        var created = new List<ImportedProvider>();
        var changed = new List<PlannedChange>();
        var unchanged = 0;
        foreach (var row in file.Rows)
        {
            if (!existing.TryGetValue(row.Key, out var known)) { created.Add(row); continue; }
            var p = providers[known.ProviderId];
            var fields = FieldChanges(p, row, file.Source, overwriteHandEdits);
            var functionsChanged = !SameFunctions(p, row, file.Source);
            if (fields.Count == 0 && !functionsChanged && p.Listed) unchanged++;
            else changed.Add(new PlannedChange(row, p.Id, fields, functionsChanged));
        }
        var (matches, uncertain) = await matcher.MatchAsync(file, created, ct);
        if (matches.Count > 0)
        {
            var others = await LoadAsync(matches.Values.ToHashSet(), ct);
            foreach (var (row, id) in matches)
                changed.Add(new PlannedChange(row, id, FieldChanges(others[id], row, file.Source, overwriteHandEdits), row.Functions.Count > 0, Attach: true));
            created.RemoveAll(matches.ContainsKey);
        }
        // A row the file still names but that was rejected is not "gone": only absent keys are.
        var listedKeys = file.Rows.Select(r => r.Key).Concat(file.Rejected.Where(r => r.Key is not null).Select(r => r.Key!)).ToHashSet();
        var noLonger = existing.Where(e => !listedKeys.Contains(e.Key) && e.Value.InSlice(file.Slice)).Select(e => e.Value.ProviderId).Distinct().Order().ToList();
        return new ImportPlan(file, created, changed, unchanged, noLonger, uncertain);
    }

    /// <summary>A provider known under one key of the file's scheme, with what decides whether it is in the file's slice.</summary>
    private sealed record KnownKey(int ProviderId, bool Listed, ProviderKind Kind, string? ServiceCode, string PrefectureCode)
    {
        /// <summary>Still listed, and of the kinds, services and prefectures the file speaks for.</summary>
        public bool InSlice(ImportSlice slice) => Listed && slice.Kinds.Contains(Kind)
            && (slice.ServiceCodes is not { } codes || (ServiceCode is not null && codes.Contains(ServiceCode)))
            && (slice.Prefectures is not { } prefectures || prefectures.Contains(PrefectureCode));
    }

    /// <summary>
    /// The providers the plan must know, by key of the file's scheme: every one in the file's slice (those the file no
    /// longer lists are reported) and those the file's other keys name. Not every key of the scheme: a small file must
    /// not read a national directory's keys, and six files of one scheme read them six times.
    /// </summary>
    private async Task<Dictionary<string, KnownKey>> KnownKeysAsync(ImportFile file, CancellationToken ct)
    {
        var slice = file.Slice;
        var kinds = slice.Kinds.ToList();
        var codes = slice.ServiceCodes?.ToList();
        var prefectures = slice.Prefectures?.ToList();
        var known = await Keys(_ => true, p => p.Listed && kinds.Contains(p.Kind)
                && (codes == null || codes.Contains(p.ServiceCode!)) && (prefectures == null || prefectures.Contains(p.PrefectureCode)))
            .ToDictionaryAsync(k => k.Value, k => k.Known, StringComparer.Ordinal, ct);
        var others = file.Rows.Select(r => r.Key).Concat(file.Rejected.Where(r => r.Key is not null).Select(r => r.Key!))
            .Where(k => !known.ContainsKey(k)).Distinct().ToList();
        foreach (var chunk in others.Chunk(2000))
            foreach (var k in await Keys(i => EF.Parameter(chunk).Contains(i.Value), _ => true).ToListAsync(ct)) known[k.Value] = k.Known;
        return known;

        IQueryable<KeyRow> Keys(Expression<Func<ProviderIdentifier, bool>> identifiers, Expression<Func<Provider, bool>> providers) =>
            db.Set<ProviderIdentifier>().AsNoTracking().Where(i => i.Scheme == slice.Scheme).Where(identifiers)
                .Join(db.Providers.Where(providers), i => i.ProviderId, p => p.Id, (i, p) => new KeyRow(i.Value, new KnownKey(p.Id, p.Listed, p.Kind, p.ServiceCode, p.PrefectureCode)));
    }

    private sealed record KeyRow(string Value, KnownKey Known);

    private const int AnalyzeAfterNew = 1000;

    /// <summary>
    /// Whether <paramref name="newProviders"/> make PostgreSQL's statistics stale enough to refresh them at once: at least
    /// 1,000, and at least a tenth of the providers the statistics know (<paramref name="estimatedRows"/>, negative when
    /// the table was never analysed) — autovacuum's own threshold, applied now rather than a while later. In a
    /// national directory ANALYZE took 4.5 s (the SearchKey histogram samples 300,000 rows) for a file of 1,466.
    /// </summary>
    internal static bool StatisticsStale(int newProviders, double estimatedRows) =>
        newProviders >= AnalyzeAfterNew && (estimatedRows <= 0 || newProviders >= estimatedRows / 10);

    public async Task<ImportRun> ApplyAsync(ImportPlan plan, string? userName, CancellationToken ct = default)
    {
        var file = plan.File;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // One transaction holds the whole plan and is rolled back whole on failure: no savepoint per save.
        db.Database.AutoSavepointsEnabled = false;
        db.BulkImport = true;
        try
        {
            var created = new List<Provider>(plan.New.Count);
            foreach (var row in plan.New)
            {
                var p = new Provider
                {
                    Name = "", PrefectureCode = "", Kind = row.Kind, ServiceCode = row.ServiceCode, CreatedAtUtc = now, UpdatedAtUtc = now,
                    FieldMeta = new Dictionary<string, FieldMeta>(row.Fields.Count), // sized once: growing it cost a tenth of a bulk insert
                };
                SetFields(p, row, file, keepHandEdits: false);
                p.Identifiers.Add(new ProviderIdentifier { Scheme = row.Scheme, Value = row.Key });
                p.Functions.AddRange(row.Functions.Select(f => new ProviderFunction { Code = f.Code, Since = f.Since, Source = file.Source }));
                created.Add(p);
            }
            await ProviderBulkInsert.InsertAsync(db, created, ct);

            // Read again inside the transaction (by the planning's own query), changed in memory, written by ProviderBulkUpdate.
            var current = plan.Changed.Count == 0 ? [] : await LoadAsync(plan.Changed.Select(c => c.ProviderId).ToHashSet(), ct);
            var changes = new List<ProviderBulkUpdate.Change>(plan.Changed.Count);
            var replaceFunctions = file.UpdatesOnly is null; // an updates-only file says nothing of functions or listing
            foreach (var change in plan.Changed)
            {
                if (!current.TryGetValue(change.ProviderId, out var p))
                    throw new ImportFileException(ProviderBulkUpdate.Conflict(change.Row.Fields.GetValueOrDefault("Name") ?? change.CurrentName ?? ""));
                var read = p.Version;
                var kept = change.Fields.Where(f => f.KeptHandEdit).Select(f => f.Field).ToHashSet();
                SetFields(p, change.Row, file, keepHandEdits: true, kept);
                if (replaceFunctions)
                {
                    p.Functions.RemoveAll(f => f.Source == file.Source);
                    p.Functions.AddRange(change.Row.Functions.Select(f => new ProviderFunction { Code = f.Code, Since = f.Since, Source = file.Source }));
                    p.Listed = true;
                }
                p.UpdatedAtUtc = now;
                p.Version = read + 1;
                changes.Add(new(p, read, replaceFunctions ? file.Source : null,
                    change.Attach ? new ProviderIdentifier { Scheme = change.Row.Scheme, Value = change.Row.Key } : null));
            }
            await ProviderBulkUpdate.ApplyAsync(db, changes, plan.NoLongerListed, ct);
            // Per-provider history of import changes (new rows are summarised by the run's own entry).
            db.AuditEntries.AddRange(ImportHistory.Entries(plan, now, userName));
            db.ChangeTracker.DetectChanges();
            var run = new ImportRun
            {
                Kind = file.Source.ToString(), FileName = file.FileName, AtUtc = now, UserName = userName,
                New = plan.New.Count, Changed = plan.Changed.Count, Unchanged = plan.Unchanged,
                Rejected = file.Rejected.Count, NoLongerListed = plan.NoLongerListed.Count,
                Report = ImportReport.ToJson(plan),
            };
            db.Add(run);
            await db.SaveChangesAsync(ct);
            await MatchReviews.AddAsync(db, plan, created, run.Id, now, ct);
            await tx.CommitAsync(ct);
            // PostgreSQL plans from table statistics, which autovacuum refreshes only a while after a bulk load: until
            // then the next file's queries were planned for near-empty tables (the plan of a 7,587-row re-import took
            // 1.8 s instead of 0.05 s). SQLite plans from its indexes alone.
            if (plan.New.Count >= AnalyzeAfterNew && db.Database.IsNpgsql()
                && StatisticsStale(plan.New.Count, await db.Database.SqlQueryRaw<float>("SELECT reltuples AS \"Value\" FROM pg_class WHERE oid = '\"Providers\"'::regclass").SingleAsync(ct)))
                await db.Database.ExecuteSqlRawAsync("ANALYZE \"Providers\", \"ProviderIdentifier\", \"ProviderFunction\"", ct);
            await db.AuditAsync(AuditActions.Import, nameof(ImportRun), run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{file.FileName}: {plan.Summary}", ct: ct);
            return run;
        }
        finally
        {
            db.BulkImport = false;
            db.Database.AutoSavepointsEnabled = true;
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <summary>
    /// The fields this row would change. A source speaks only for the fields it filled (or that are still
    /// empty): when two sources describe one provider, neither overwrites the other's fields.
    /// </summary>
    private static List<FieldChange> FieldChanges(Provider p, ImportedProvider row, DataSource source, bool overwriteHandEdits) =>
        [.. row.Fields
            .Where(f => Owns(p, f.Key, source))
            .Select(f => (f, current: ProviderFields.ByName[f.Key].Get(p)))
            .Where(x => !string.Equals(x.current ?? "", x.f.Value ?? "", StringComparison.Ordinal))
            .Select(x => new FieldChange(x.f.Key, x.current, x.f.Value, !overwriteHandEdits && p.FieldMeta.TryGetValue(x.f.Key, out var m) && m.HandEdited))];

    private static bool Owns(Provider p, string field, DataSource source) =>
        !p.FieldMeta.TryGetValue(field, out var meta) || meta.Source == source || meta.HandEdited
        || string.IsNullOrEmpty(ProviderFields.ByName[field].Get(p));

    // The provenance an import writes, one shared record per source, date and visibility (records are immutable).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(DataSource Source, DateOnly? AsOf, FieldVisibility Visibility), FieldMeta> Imported = new();

    /// <param name="keepHandEdits">Set for a provider already in the directory; a new one keeps nothing.</param>
    private static void SetFields(Provider p, ImportedProvider row, ImportFile file, bool keepHandEdits, IReadOnlySet<string>? kept = null)
    {
        foreach (var (name, value) in row.Fields)
        {
            if (keepHandEdits && (kept?.Contains(name) == true || !Owns(p, name, file.Source))) continue;
            var field = ProviderFields.ByName[name];
            field.Set(p, value);
            var visibility = p.FieldMeta.TryGetValue(name, out var old) ? old.Visibility : field.DefaultVisibility;
            p.FieldMeta[name] = Imported.GetOrAdd((file.Source, file.AsOf, visibility), k => new FieldMeta(k.Source, k.AsOf, null, false, k.Visibility));
        }
        p.SearchKey = row.SearchKeyFor(p.Name, p.NameKana);
        p.OpenWeekdays = OpenWeekdaysText.Of(p.OpenDays, p.Hours);
        p.CoordinatePrecision = p.Latitude is null ? CoordinatePrecision.None
            : p.FieldMeta.TryGetValue("Latitude", out var lat) && lat.Source == DataSource.Manual ? CoordinatePrecision.Manual : CoordinatePrecision.Exact;
    }

    private static bool SameFunctions(Provider p, ImportedProvider row, DataSource source)
    {
        var have = p.Functions.Where(f => f.Source == source).Select(f => (f.Code, f.Since)).ToHashSet();
        var want = row.Functions.Select(f => (f.Code, f.Since)).ToHashSet();
        return have.SetEquals(want);
    }

    private async Task<Dictionary<int, Provider>> LoadAsync(IReadOnlySet<int> ids, CancellationToken ct)
    {
        var result = new Dictionary<int, Provider>();
        // Chunked: a national file matches hundreds of thousands of ids. EF.Parameter sends each chunk as one array (JSON on
        // SQLite) instead of EF 10's default of a parameter per id: SQLite looks named parameters up one by one, and
        // binding 2,000 of them was most of planning an import. The other id and key lists of the importer do the same.
        foreach (var chunk in ids.Chunk(2000))
        {
            var part = await db.Set<Provider>().AsNoTracking().Include(p => p.Functions).Where(p => EF.Parameter(chunk).Contains(p.Id)).ToListAsync(ct);
            foreach (var p in part) result[p.Id] = p;
        }
        return result;
    }
}
