using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Indicators;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Demo;

/// <summary>
/// Demo indicators for 鳥取市: a few targets and a few entered values for past 年度. Every one is invented,
/// so every one is IsSample and shown with a サンプル badge. Counts from the directory and population are not
/// invented: they come from the real demo data. Skipped when 鳥取市 already has sample figures.
/// </summary>
public static class DemoIndicators
{
    // (element code, values for the three 年度 before the current one, oldest first)
    private static readonly (string Element, decimal[] Values)[] PastValues =
    [
        ("muni.training", [3, 4, 6]),
        ("muni.awareness", [5, 8, 7]),
        ("link.admission-total", [412, 398, 431]),
        ("link.admission-info", [301, 310, 355]),
        ("link.discharge-total", [388, 402, 415]),
        ("link.discharge-coordinated", [262, 281, 316]),
        ("act.home-visit", [21400, 22950, 24310]),
    ];

    // (indicator code, target for the current 年度, for the one after)
    private static readonly (string Indicator, decimal Current, decimal Next)[] Targets =
    [
        ("s.home-visit-clinic.per75", 20, 22),
        ("p.training", 6, 8),
        ("p.admission-info-rate", 85, 90),
        ("p.discharge-coordination-rate", 80, 85),
        ("p.home-visit.per75", 8000, 8500),
    ];

    public static async Task SeedAsync(RenkeiDb db, CancellationToken ct = default)
    {
        const string muni = DemoSeeder.TottoriCity;
        if (await db.DataValues.AnyAsync(v => v.MunicipalityCode == muni && v.IsSample, ct)) return;
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var year = FiscalYear.Current(db.Clock).StartYear;
        var elements = await db.DataElements.Where(e => e.MunicipalityCode == null).ToDictionaryAsync(e => e.Code, e => e.Id, ct);
        var indicators = await db.Indicators.Where(i => i.MunicipalityCode == null).ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        foreach (var (element, values) in PastValues)
        {
            for (var k = 0; k < values.Length; k++)
            {
                db.DataValues.Add(new DataValue
                {
                    MunicipalityCode = muni, DataElementId = elements[element], FiscalYear = year - values.Length + k, Value = values[k],
                    Origin = ValueOrigin.Manual, IsSample = true, Note = "デモ用の架空の値", UpdatedAtUtc = now, UpdatedBy = "demo",
                });
            }
        }
        foreach (var (indicator, current, next) in Targets)
        {
            foreach (var (fy, value) in new[] { (year, current), (year + 1, next) })
            {
                db.IndicatorTargets.Add(new IndicatorTarget
                {
                    MunicipalityCode = muni, IndicatorId = indicators[indicator], FiscalYear = fy, Value = value,
                    IsSample = true, Note = "デモ用の架空の目標", UpdatedAtUtc = now, UpdatedBy = "demo",
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
