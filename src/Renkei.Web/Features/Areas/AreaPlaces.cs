using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Areas;

public sealed record AreaMunicipality(string Code, string Name);

/// <summary>Which municipalities make up a 二次医療圏 for the workspace.</summary>
public static class AreaPlaces
{
    /// <summary>
    /// The municipalities that run the program in the areas, by area code: wards are left out (the designated city
    /// runs it), and a designated city whose wards lie in several areas belongs to each of them.
    /// </summary>
    public static async Task<Dictionary<string, List<AreaMunicipality>>> MunicipalitiesAsync(RenkeiDb db, IReadOnlyCollection<string> areaCodes, CancellationToken ct)
    {
        var codes = areaCodes.ToList();
        var own = await db.Municipalities.AsNoTracking()
            .Where(m => m.Kind != MunicipalityKind.Ward && m.SecondaryAreaCode != null && codes.Contains(m.SecondaryAreaCode))
            .Select(m => new { Area = m.SecondaryAreaCode!, m.Code, m.Name }).ToListAsync(ct);
        var cities = await db.Municipalities.AsNoTracking()
            .Where(w => w.Kind == MunicipalityKind.Ward && w.SecondaryAreaCode != null && codes.Contains(w.SecondaryAreaCode) && w.ParentCode != null)
            .Join(db.Municipalities, w => w.ParentCode, c => c.Code, (w, c) => new { Area = w.SecondaryAreaCode!, c.Code, c.Name })
            .Distinct().ToListAsync(ct);
        return codes.ToDictionary(a => a, a => own.Concat(cities).Where(m => m.Area == a)
            .DistinctBy(m => m.Code).OrderBy(m => m.Code, StringComparer.Ordinal).Select(m => new AreaMunicipality(m.Code, m.Name)).ToList());
    }

    public static async Task<List<AreaMunicipality>> MunicipalitiesAsync(RenkeiDb db, string areaCode, CancellationToken ct) =>
        (await MunicipalitiesAsync(db, [areaCode], ct))[areaCode];

    /// <summary>The health centres (保健所) registered in the prefecture, for pickers and labels.</summary>
    public static Task<Dictionary<int, string>> HealthCentresAsync(RenkeiDb db, string prefectureCode, CancellationToken ct) =>
        db.Organisations.AsNoTracking()
            .Where(o => o.Kind == Organisations.OrganisationKind.HealthCentre && o.PrefectureCode == prefectureCode)
            .OrderBy(o => o.Name).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
}
