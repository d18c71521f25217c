using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Directory;

/// <summary>
/// Fills <see cref="Provider.OpenWeekdays"/> for providers stored before the column existed (it is derived
/// from their 営業日 and 診療時間 texts, so only such rows can gain a value). Run at start-up; texts that say
/// nothing about days stay null and are looked at again next time, through the partial index
/// IX_Providers_OpenWeekdaysUnknown that holds just those rows (a start does not read the whole directory).
/// </summary>
public static class OpenWeekdaysBackfill
{
    public static async Task<int> RunAsync(RenkeiDb db, CancellationToken ct = default)
    {
        var rows = await db.Providers.AsNoTracking().Where(p => p.OpenWeekdays == null && (p.OpenDays != null || p.Hours != null))
            .Select(p => new { p.Id, p.OpenDays, p.Hours }).ToListAsync(ct);
        var groups = rows.Select(r => (r.Id, Days: OpenWeekdaysText.Of(r.OpenDays, r.Hours))).Where(r => r.Days is not null).GroupBy(r => r.Days!.Value);
        var updated = 0;
        foreach (var group in groups)
        {
            // A derived column, not an edit: written directly, without audit entries or a version bump.
            foreach (var chunk in group.Select(r => r.Id).Chunk(2000))
            {
                var days = group.Key;
                updated += await db.Providers.Where(p => chunk.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.OpenWeekdays, days), ct);
            }
        }
        return updated;
    }
}
