using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Pdca;

public enum CarryOutcome { Carried, AlreadyCarried }

/// <summary>Opening a 年度 of the cycle and carrying its Act decisions into the next year's Plan.</summary>
public static class PdcaYears
{
    public static Task<PdcaYear?> FindAsync(RenkeiDb db, string municipalityCode, int fiscalYear) =>
        db.PdcaYears.Include(y => y.Steps).Include(y => y.Decisions)
            .SingleOrDefaultAsync(y => y.MunicipalityCode == municipalityCode && y.FiscalYear == fiscalYear);

    /// <summary>A new year with the six Plan steps ①〜⑥, not done.</summary>
    public static PdcaYear New(string municipalityCode, int fiscalYear, DateTime nowUtc) => new()
    {
        MunicipalityCode = municipalityCode, FiscalYear = fiscalYear, UpdatedAtUtc = nowUtc,
        Steps = [.. Enumerable.Range(1, PdcaNames.PlanSteps.Length).Select(s => new PdcaPlanStep { MunicipalityCode = municipalityCode, Step = s })],
    };

    /// <summary>The year, created (saved) the first time someone records something in it.</summary>
    public static async Task<PdcaYear> GetOrCreateAsync(RenkeiDb db, string municipalityCode, int fiscalYear, DateTime nowUtc)
    {
        if (await FindAsync(db, municipalityCode, fiscalYear) is { } existing) return existing;
        var year = db.PdcaYears.Add(New(municipalityCode, fiscalYear, nowUtc)).Entity;
        try
        {
            await db.SaveChangesAsync();
            return year;
        }
        catch (DbUpdateException e) when (Concurrency.IsDuplicateKey(e))
        {
            // Someone opened the same year at the same moment (unique municipality + 年度): use theirs.
            db.Entry(year).State = EntityState.Detached;
            foreach (var step in year.Steps) db.Entry(step).State = EntityState.Detached;
            return await FindAsync(db, municipalityCode, fiscalYear) ?? throw new InvalidOperationException("PDCA year vanished", e);
        }
    }

    /// <summary>
    /// Creates (or links) the next 年度 with <see cref="PdcaYear.CarriedFromId"/> and copies each of this
    /// year's own decisions into it with <see cref="PdcaDecision.CarriedFromId"/>. A decision is never
    /// carried twice; a second click with nothing new answers <see cref="CarryOutcome.AlreadyCarried"/>.
    /// Decisions that were themselves carried in are the Plan's input, not this year's Act, so they stay here.
    /// </summary>
    public static async Task<(CarryOutcome Outcome, int Count)> CarryForwardAsync(RenkeiDb db, PdcaYear year, DateTime nowUtc)
    {
        var next = await FindAsync(db, year.MunicipalityCode, year.FiscalYear + 1);
        var alreadyIn = next?.Decisions.Where(d => d.CarriedFromId is not null).Select(d => d.CarriedFromId!.Value).ToHashSet() ?? [];
        var toCarry = year.Decisions.Where(d => d.CarriedFromId is null && !alreadyIn.Contains(d.Id)).OrderBy(d => d.Id).ToList();
        if (next is not null && next.CarriedFromId == year.Id && toCarry.Count == 0) return (CarryOutcome.AlreadyCarried, 0);
        next ??= db.PdcaYears.Add(New(year.MunicipalityCode, year.FiscalYear + 1, nowUtc)).Entity;
        next.CarriedFromId = year.Id;
        next.UpdatedAtUtc = nowUtc; // bumps its version: two simultaneous carries cannot both pass
        foreach (var d in toCarry)
            next.Decisions.Add(new PdcaDecision { MunicipalityCode = year.MunicipalityCode, Text = d.Text, MeetingId = d.MeetingId, CarriedFromId = d.Id });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || Concurrency.IsDuplicateKey(e))
        {
            return (CarryOutcome.AlreadyCarried, 0);
        }
        return (CarryOutcome.Carried, toCarry.Count);
    }
}
