using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Indicators;

/// <summary>
/// The figures of the indicators: the one service other modules (PDCA year, annual report) call. Values are
/// read through the tenant filter, so a caller only ever gets the municipalities it may read. Computed
/// elements are counted live for the current 年度 (they follow the directory and population as they change);
/// for other 年度 only what was recorded counts. Sums and ratios are done in memory: SQLite cannot
/// aggregate decimals.
/// </summary>
public sealed class IndicatorResults(RenkeiDb db, TimeProvider clock)
{
    public int CurrentFiscalYear => FiscalYear.Current(clock).StartYear;

    /// <summary>The shipped indicators plus the municipality's own, in catalogue order.</summary>
    public Task<List<Indicator>> IndicatorsAsync(string municipalityCode, CancellationToken ct = default) =>
        db.Indicators.AsNoTracking().Where(i => i.MunicipalityCode == null || i.MunicipalityCode == municipalityCode)
            .OrderBy(i => i.Type).ThenBy(i => i.MunicipalityCode != null).ThenBy(i => i.Id).ToListAsync(ct);

    /// <summary>Every indicator of the municipality for one 年度: value, target, achieved or not, provenance.</summary>
    public async Task<IReadOnlyList<IndicatorResult>> ForMunicipalityAsync(string municipalityCode, int fiscalYear, CancellationToken ct = default)
    {
        var indicators = await IndicatorsAsync(municipalityCode, ct);
        var book = await LoadAsync([municipalityCode], [fiscalYear], indicators, ct);
        return [.. indicators.Select(i => book.Evaluate(i, municipalityCode, fiscalYear))];
    }

    /// <summary>One indicator over the 年度 that have data or a target, and always the five up to the current one.</summary>
    public async Task<IReadOnlyList<IndicatorResult>> SeriesAsync(Indicator indicator, string municipalityCode, CancellationToken ct = default)
    {
        var current = CurrentFiscalYear;
        var elementIds = ElementIds(indicator);
        var valueYears = await db.DataValues.Where(v => v.MunicipalityCode == municipalityCode && elementIds.Contains(v.DataElementId)).Select(v => v.FiscalYear).Distinct().ToListAsync(ct);
        var targetYears = await db.IndicatorTargets.Where(t => t.MunicipalityCode == municipalityCode && t.IndicatorId == indicator.Id).Select(t => t.FiscalYear).Distinct().ToListAsync(ct);
        var all = valueYears.Concat(targetYears).Append(current).ToList();
        var years = Enumerable.Range(Math.Min(all.Min(), current - 4), Math.Max(all.Max(), current) - Math.Min(all.Min(), current - 4) + 1).ToList();
        var book = await LoadAsync([municipalityCode], years, [indicator], ct);
        return [.. years.Select(y => book.Evaluate(indicator, municipalityCode, y))];
    }

    /// <summary>
    /// The municipality against the others of its 二次医療圏 and the prefecture as a whole. Computed figures
    /// are shown for everyone (public data); manual ones only for municipalities the caller may read.
    /// The prefecture total sums numerators and denominators, and only when every municipality is known.
    /// </summary>
    public async Task<IReadOnlyList<ComparisonRow>> ComparisonAsync(Indicator indicator, string municipalityCode, int fiscalYear, CancellationToken ct = default)
    {
        var self = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Code == municipalityCode, ct);
        var prefecture = await db.Prefectures.AsNoTracking().Where(p => p.Code == self.PrefectureCode).Select(p => p.Name).SingleAsync(ct);
        var peers = await db.Municipalities.AsNoTracking()
            .Where(m => m.PrefectureCode == self.PrefectureCode && m.Kind != MunicipalityKind.Ward).OrderBy(m => m.Code).ToListAsync(ct);
        var book = await LoadAsync([.. peers.Select(p => p.Code)], [fiscalYear], [indicator], ct);
        var manual = book.UsesManual(indicator);
        var inArea = peers.Where(p => p.Code == municipalityCode || (p.SecondaryAreaCode is not null && p.SecondaryAreaCode == self.SecondaryAreaCode));
        var rows = inArea.Select(p => new ComparisonRow(p.Code, p.Name, p.Code == municipalityCode, false,
            manual && !db.Scope.CanRead(p.Code), book.Evaluate(indicator, p.Code, fiscalYear).Result, p.Population75Plus)).ToList();
        rows.Add(new ComparisonRow(self.PrefectureCode, $"{prefecture}（全体）", false, true, false,
            book.EvaluatePrefecture(indicator, [.. peers.Select(p => p.Code)], fiscalYear), peers.Sum(p => (decimal?)p.Population75Plus) is { } s ? (decimal)s : null));
        return rows;
    }

    private static List<int> ElementIds(Indicator i) => i.DenominatorId is { } d ? [i.NumeratorId, d] : [i.NumeratorId];

    private async Task<ValueBook> LoadAsync(List<string> municipalities, List<int> years, List<Indicator> indicators, CancellationToken ct)
    {
        var elementIds = indicators.SelectMany(ElementIds).Distinct().ToList();
        var elements = await db.DataElements.AsNoTracking().Where(e => elementIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var values = await db.DataValues.AsNoTracking()
            .Where(v => municipalities.Contains(v.MunicipalityCode) && years.Contains(v.FiscalYear) && elementIds.Contains(v.DataElementId)).ToListAsync(ct);
        var indicatorIds = indicators.Select(i => i.Id).ToList();
        var targets = await db.IndicatorTargets.AsNoTracking()
            .Where(t => municipalities.Contains(t.MunicipalityCode) && years.Contains(t.FiscalYear) && indicatorIds.Contains(t.IndicatorId)).ToListAsync(ct);
        var prefecture = await db.Municipalities.Where(m => m.Code == municipalities[0]).Select(m => m.PrefectureCode).SingleAsync(ct);
        var figures = await DirectoryFigures.LoadAsync(db, prefecture, clock, ct);
        return new ValueBook(elements, values, targets, figures, CurrentFiscalYear);
    }
}
