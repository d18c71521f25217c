using Microsoft.EntityFrameworkCore;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// Planning for an updates-only file (<see cref="ImportFile.UpdatesOnly"/>): each row updates the provider its key
/// names, or is rejected when no provider has that key. No provider is created, matched by address or reported as
/// no longer listed; applying such a plan sets only the row's fields (the rest of <see cref="ApplyAsync"/> is shared).
/// </summary>
public sealed partial class DirectoryImporter
{
    private async Task<ImportPlan> PlanUpdatesAsync(ImportFile file, Func<ImportedProvider, string> unknownReason, bool overwriteHandEdits, CancellationToken ct)
    {
        var existing = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in file.Rows.Select(r => r.Key).Chunk(2000))
        {
            var found = await db.Set<ProviderIdentifier>().AsNoTracking().Where(i => i.Scheme == file.Slice.Scheme && EF.Parameter(chunk).Contains(i.Value))
                .Select(i => new { i.Value, i.ProviderId }).ToListAsync(ct);
            foreach (var i in found) existing[i.Value] = i.ProviderId;
        }
        var providers = await LoadAsync(existing.Values.ToHashSet(), ct);

        var rejected = new List<RejectedRow>(file.Rejected);
        var changed = new List<PlannedChange>();
        var unchanged = 0;
        foreach (var row in file.Rows)
        {
            if (!existing.TryGetValue(row.Key, out var id)) { rejected.Add(new RejectedRow(row.Line, unknownReason(row), row.Key)); continue; }
            var p = providers[id];
            var fields = FieldChanges(p, row, file.Source, overwriteHandEdits);
            if (fields.Count == 0) unchanged++;
            else changed.Add(new PlannedChange(row, id, fields, FunctionsChanged: false) { CurrentName = p.Name, CurrentMunicipality = p.MunicipalityCode });
        }
        var accepted = file.Rows.Where(r => existing.ContainsKey(r.Key)).ToList();
        return new ImportPlan(file with { Rows = accepted, Rejected = [.. rejected.OrderBy(r => r.Line)] }, [], changed, unchanged, [], []);
    }
}
