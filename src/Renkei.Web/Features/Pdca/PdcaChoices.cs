using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Pdca;

/// <summary>
/// What the PDCA forms may link to in one municipality: its issues and the organisations that can own a
/// countermeasure (its own and the prefecture-wide ones, as for item arrangements). Posted ids are checked against these.
/// </summary>
public sealed record PdcaChoices(Dictionary<int, string> Issues, Dictionary<int, string> Organisations)
{
    public static async Task<PdcaChoices> LoadAsync(RenkeiDb db, string municipalityCode)
    {
        var issues = (await db.ProgramIssues.AsNoTracking().Where(i => i.MunicipalityCode == municipalityCode)
                .OrderByDescending(i => i.FiscalYear).ThenBy(i => i.Id).Select(i => new { i.Id, i.FiscalYear, i.Statement }).ToListAsync())
            .ToDictionary(i => i.Id, i => $"{Wareki.FormatFiscalYear(i.FiscalYear)} {i.Statement}");
        var prefecture = await db.Municipalities.Where(m => m.Code == municipalityCode).Select(m => m.PrefectureCode).SingleAsync();
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => o.MunicipalityCode == municipalityCode || (o.MunicipalityCode == null && o.PrefectureCode == prefecture))
            .OrderBy(o => o.Kind).ThenBy(o => o.Name).ToDictionaryAsync(o => o.Id, o => o.Name);
        return new PdcaChoices(issues, organisations);
    }
}
