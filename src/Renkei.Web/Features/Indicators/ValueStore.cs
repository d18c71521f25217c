using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Indicators;

/// <summary>
/// Writes values and targets (entry grid, import, snapshot, target form). The tenant write guard refuses
/// other municipalities at save time; callers check <c>Scope.CanWrite</c> first to answer with a message.
/// </summary>
public sealed class ValueStore(RenkeiDb db, TimeProvider clock, IndicatorResults results)
{
    /// <summary>The version a form carries for a value that did not exist (new rows start at version 0).</summary>
    public const long NoRow = -1;

    /// <summary>
    /// Stores the live counts of the current 年度 as its recorded values (ValueOrigin.Snapshot), with their
    /// provenance, so the 年度 keeps them after the directory changes. Returns how many were stored.
    /// </summary>
    public async Task<int> SnapshotAsync(string municipalityCode, string? user, CancellationToken ct = default)
    {
        var year = results.CurrentFiscalYear;
        var computed = await db.DataElements.AsNoTracking().Where(e => e.Kind == ElementKind.Computed && (e.MunicipalityCode == null || e.MunicipalityCode == municipalityCode)).ToListAsync(ct);
        var prefecture = await db.Municipalities.Where(m => m.Code == municipalityCode).Select(m => m.PrefectureCode).SingleAsync(ct);
        var figures = await DirectoryFigures.LoadAsync(db, prefecture, clock, ct);
        var stored = 0;
        foreach (var element in computed)
        {
            var live = figures.Value(ComputedRule.Parse(element.Rule), municipalityCode);
            if (live.Value is null) continue; // missing stays missing: no row
            await PutAsync(municipalityCode, element.Id, year, live.Value.Value, live.Provenance, ValueOrigin.Snapshot, user, null, ct);
            stored++;
        }
        await db.SaveChangesAsync(ct);
        return stored;
    }

    /// <summary>Adds or updates one value (not saved).</summary>
    /// <param name="expectedVersion">The version the user saw: null = no check, <see cref="NoRow"/> = there was none;
    /// a row added, changed or removed by someone else since is a conflict.</param>
    public async Task PutAsync(string municipalityCode, int elementId, int year, decimal value, string? note, ValueOrigin origin, string? user, long? expectedVersion, CancellationToken ct = default)
    {
        var row = await db.DataValues.SingleOrDefaultAsync(v => v.MunicipalityCode == municipalityCode && v.DataElementId == elementId && v.FiscalYear == year, ct);
        if (expectedVersion is { } expected && (row is null ? expected != NoRow : expected == NoRow)) throw new DbUpdateConcurrencyException(Concurrency.Message);
        if (row is null)
        {
            row = db.DataValues.Add(new DataValue { MunicipalityCode = municipalityCode, DataElementId = elementId, FiscalYear = year }).Entity;
        }
        else if (expectedVersion is { } v)
        {
            db.Entry(row).Property(r => r.Version).OriginalValue = v;
        }
        if (row.Value == value && row.Note == note && row.Origin == origin && db.Entry(row).State != EntityState.Added) return;
        (row.Value, row.Note, row.Origin, row.IsSample, row.UpdatedBy, row.UpdatedAtUtc) = (value, note, origin, false, user, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Removes a value (an emptied cell): missing again, not zero.</summary>
    public async Task RemoveAsync(string municipalityCode, int elementId, int year, long? expectedVersion, CancellationToken ct = default)
    {
        var row = await db.DataValues.SingleOrDefaultAsync(v => v.MunicipalityCode == municipalityCode && v.DataElementId == elementId && v.FiscalYear == year, ct);
        if (row is null) return; // already gone: the result is what the user asked for
        if (expectedVersion == NoRow) throw new DbUpdateConcurrencyException(Concurrency.Message);
        if (expectedVersion is { } v) db.Entry(row).Property(r => r.Version).OriginalValue = v;
        db.DataValues.Remove(row);
    }

    /// <summary>Sets (or with a null value removes) a target; saved.</summary>
    public async Task SetTargetAsync(string municipalityCode, int indicatorId, int year, decimal? value, string? note, string? user, long? expectedVersion, CancellationToken ct = default)
    {
        var row = await db.IndicatorTargets.SingleOrDefaultAsync(t => t.MunicipalityCode == municipalityCode && t.IndicatorId == indicatorId && t.FiscalYear == year, ct);
        if (row is not null && expectedVersion is { } v) db.Entry(row).Property(r => r.Version).OriginalValue = v;
        if (value is null)
        {
            if (row is not null) db.IndicatorTargets.Remove(row);
        }
        else
        {
            row ??= db.IndicatorTargets.Add(new IndicatorTarget { MunicipalityCode = municipalityCode, IndicatorId = indicatorId, FiscalYear = year }).Entity;
            (row.Value, row.Note, row.IsSample, row.UpdatedBy, row.UpdatedAtUtc) = (value.Value, note, false, user, clock.GetUtcNow().UtcDateTime);
        }
        await db.SaveChangesAsync(ct);
    }
}
