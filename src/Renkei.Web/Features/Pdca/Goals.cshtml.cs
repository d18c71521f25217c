using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Pdca;

/// <summary>目標: per scene the 目指す理想像 (long-term, one per scene) and the 年度's short-term goals with their issues (Plan ④).</summary>
public sealed class GoalsModel(RenkeiDb db, TimeProvider clock) : PdcaPage(db, clock)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public List<Goal> Goals { get; private set; } = [];
    public Dictionary<int, string> IssueStatements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await ResolveAsync() is { } stop) return stop;
        Year ??= CurrentYear;
        Goals = await Db.Goals.AsNoTracking().Include(g => g.Issues)
            .Where(g => g.MunicipalityCode == Choice.Code && (g.Kind == GoalKind.Ideal || g.FiscalYear == Year))
            .OrderBy(g => g.Id).ToListAsync();
        var ids = Goals.SelectMany(g => g.Issues).Select(l => l.IssueId).Distinct().ToList();
        IssueStatements = await Db.ProgramIssues.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Statement);
        return Page();
    }
}
