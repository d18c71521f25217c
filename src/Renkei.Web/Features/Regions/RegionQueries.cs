using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Regions;

public sealed record PopulationFigures(long? Population, long? Population65Plus, long? Population75Plus)
{
    /// <summary>75+ share in percent, null when unknown.</summary>
    public double? Share75Plus => Population is > 0 && Population75Plus is not null ? 100.0 * Population75Plus.Value / Population.Value : null;
}

public sealed record PrefectureSummary(string Code, string Name, string Kana, int SecondaryAreas, int Municipalities, PopulationFigures Figures);

public sealed record AreaSummary(string Code, string Name, string PrefectureCode, int Municipalities, PopulationFigures Figures);

public sealed record MunicipalityRow(
    string Code, string Name, string Kana, string PrefectureCode, MunicipalityKind Kind, string? ParentCode,
    string? SecondaryAreaCode, double Latitude, double Longitude, bool CentroidApproximate, PopulationFigures Figures)
{
    public string KindName => Kind.Japanese();
}

/// <summary>
/// Read queries over the region hierarchy shared by pages and the JSON API. Population sums never
/// count a person twice: a prefecture sums municipalities (not wards), an area sums wards (not their city).
/// </summary>
public sealed class RegionQueries(RenkeiDb db)
{
    public async Task<List<PrefectureSummary>> PrefecturesAsync(CancellationToken ct = default)
    {
        var prefs = await db.Prefectures.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct);
        var areas = await db.SecondaryAreas.GroupBy(a => a.PrefectureCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var munis = await db.Municipalities.AsNoTracking().Where(m => m.Kind != MunicipalityKind.Ward)
            .GroupBy(m => m.PrefectureCode)
            .Select(g => new { g.Key, Count = g.Count(), P = g.Sum(m => (long?)m.Population), P65 = g.Sum(m => (long?)m.Population65Plus), P75 = g.Sum(m => (long?)m.Population75Plus) })
            .ToDictionaryAsync(g => g.Key, ct);
        return [.. prefs.Select(p => new PrefectureSummary(p.Code, p.Name, p.Kana, areas.GetValueOrDefault(p.Code),
            munis.TryGetValue(p.Code, out var m) ? m.Count : 0,
            m is null ? new PopulationFigures(null, null, null) : new PopulationFigures(m.P, m.P65, m.P75)))];
    }

    public Task<Prefecture?> PrefectureAsync(string code, CancellationToken ct = default) =>
        db.Prefectures.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, ct);

    public Task<SecondaryArea?> AreaAsync(string code, CancellationToken ct = default) =>
        db.SecondaryAreas.AsNoTracking().SingleOrDefaultAsync(a => a.Code == code, ct);

    public async Task<List<AreaSummary>> AreasAsync(string prefectureCode, CancellationToken ct = default)
    {
        var rows = await MunicipalitiesAsync(m => m.PrefectureCode == prefectureCode && m.Kind != MunicipalityKind.DesignatedCity, ct);
        var areas = await db.SecondaryAreas.AsNoTracking().Where(a => a.PrefectureCode == prefectureCode).OrderBy(a => a.Code).ToListAsync(ct);
        return [.. areas.Select(a =>
        {
            var members = rows.Where(r => r.SecondaryAreaCode == a.Code).ToList();
            return new AreaSummary(a.Code, a.Name, a.PrefectureCode, members.Count, Sum(members));
        })];
    }

    public Task<List<MunicipalityRow>> MunicipalitiesAsync(System.Linq.Expressions.Expression<Func<Municipality, bool>> where, CancellationToken ct = default) =>
        db.Municipalities.AsNoTracking().Where(where).OrderBy(m => m.Code)
            .Select(m => new MunicipalityRow(m.Code, m.Name, m.Kana, m.PrefectureCode, m.Kind, m.ParentCode, m.SecondaryAreaCode,
                m.Latitude, m.Longitude, m.CentroidApproximate, new PopulationFigures(m.Population, m.Population65Plus, m.Population75Plus)))
            .ToListAsync(ct);

    public async Task<MunicipalityRow?> MunicipalityAsync(string code, CancellationToken ct = default) =>
        (await MunicipalitiesAsync(m => m.Code == code, ct)).SingleOrDefault();

    public static PopulationFigures Sum(IEnumerable<MunicipalityRow> rows)
    {
        var list = rows.ToList();
        long? S(Func<PopulationFigures, long?> f) => list.Count == 0 || list.Any(r => f(r.Figures) is null) ? null : list.Sum(r => f(r.Figures));
        return new PopulationFigures(S(f => f.Population), S(f => f.Population65Plus), S(f => f.Population75Plus));
    }
}
