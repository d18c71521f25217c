using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Pdca;

/// <summary>The municipality's cycle at a glance for the current 年度: Plan progress, issues, countermeasures.</summary>
public sealed class HubModel(RenkeiDb db, TimeProvider clock) : PdcaPage(db, clock)
{
    public int StepsDone { get; private set; }
    public int IssueCount { get; private set; }
    public Dictionary<WorkStatus, int> IssuesByStatus { get; private set; } = [];
    public Dictionary<Scenes, int> IssuesByScene { get; private set; } = [];
    public Dictionary<(ProgramItem, WorkStatus), int> Countermeasures { get; private set; } = [];
    public int IdealCount { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await ResolveAsync() is { } stop) return stop;
        var code = Choice.Code;
        StepsDone = await Db.Set<PdcaPlanStep>().CountAsync(s => s.Done && Db.PdcaYears.Any(y => y.Id == s.PdcaYearId && y.MunicipalityCode == code && y.FiscalYear == CurrentYear));
        // A municipality has tens to hundreds of issues: counting the flags in memory keeps the SQL portable.
        var issues = await Db.ProgramIssues.AsNoTracking().Where(i => i.MunicipalityCode == code).Select(i => new { i.Status, i.Scenes }).ToListAsync();
        IssueCount = issues.Count;
        IssuesByStatus = issues.GroupBy(i => i.Status).ToDictionary(g => g.Key, g => g.Count());
        IssuesByScene = PdcaNames.AllScenes.ToDictionary(s => s, s => issues.Count(i => i.Scenes.HasFlag(s)));
        Countermeasures = (await Db.Countermeasures.AsNoTracking().Where(c => c.MunicipalityCode == code)
                .GroupBy(c => new { c.Item, c.Status }).Select(g => new { g.Key.Item, g.Key.Status, Count = g.Count() }).ToListAsync())
            .ToDictionary(x => (x.Item, x.Status), x => x.Count);
        IdealCount = await Db.Goals.CountAsync(g => g.MunicipalityCode == code && g.Kind == GoalKind.Ideal);
        return Page();
    }
}
