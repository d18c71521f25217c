using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Areas;

/// <summary>
/// The 二次医療圏 of one prefecture with what each has agreed and done this 年度 (seed 004 （ク）). The caller's own
/// prefecture; a system administrator chooses one (?pref=).
/// </summary>
[Authorize]
public sealed class IndexModel(RenkeiDb db, TimeProvider clock) : PageModel
{
    public sealed record AreaRow(SecondaryArea Area, List<AreaMunicipality> Municipalities, List<RuleMatrix> Rules, int JointMeetings, int Activities);

    [BindProperty(SupportsGet = true, Name = "pref")] public string? Pref { get; set; }

    public string PrefectureName { get; private set; } = "";
    public List<(string Code, string Name)> Prefectures { get; private set; } = [];
    public List<AreaRow> Areas { get; private set; } = [];
    public int Year { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = db.Scope;
        // An explicit prefecture the caller may not read is refused, not swapped for their own.
        if (Pref is not null && !scope.CanReadPrefecture(Pref)) return Forbid();
        var pref = Pref ?? (scope.CanReadPrefecture(User.GetPrefectureCode()) ? User.GetPrefectureCode() : scope.ReadablePrefectures.FirstOrDefault());
        if (pref is null) return Forbid();
        var prefectures = db.Prefectures.AsNoTracking().OrderBy(p => p.Code);
        Prefectures = [.. (await prefectures.Select(p => new { p.Code, p.Name }).ToListAsync(ct))
            .Where(p => scope.CanReadPrefecture(p.Code)).Select(p => (p.Code, p.Name))];
        if (Prefectures.All(p => p.Code != pref)) return NotFound();
        (Pref, PrefectureName) = (pref, Prefectures.Single(p => p.Code == pref).Name);

        var fy = FiscalYear.Current(clock);
        Year = fy.StartYear;
        var areas = await db.SecondaryAreas.AsNoTracking().Where(a => a.PrefectureCode == pref).OrderBy(a => a.Code).ToListAsync(ct);
        var codes = areas.Select(a => a.Code).ToList();
        var municipalities = await AreaPlaces.MunicipalitiesAsync(db, codes, ct);
        var rules = await RuleMatrix.LoadAsync(db, codes, ct);
        var meetings = await db.JointMeetings.Where(m => m.PrefectureCode == pref && m.HeldOn >= fy.FirstDay && m.HeldOn <= fy.LastDay)
            .GroupBy(m => m.SecondaryAreaCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var activities = await db.HealthCentreActivities.Where(a => a.PrefectureCode == pref && a.FiscalYear == fy.StartYear)
            .GroupBy(a => a.SecondaryAreaCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Areas = [.. areas.Select(a => new AreaRow(a, municipalities[a.Code], [.. rules.Where(r => r.Rule.SecondaryAreaCode == a.Code)],
            meetings.GetValueOrDefault(a.Code), activities.GetValueOrDefault(a.Code)))];
        return Page();
    }
}
