using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Directory.Import;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Directory;

public sealed class ImportReportPageModel(RenkeiDb db) : PageModel
{
    public ImportRun Run { get; private set; } = null!;
    public ImportReport.Data Report { get; private set; } = new([], [], []);
    /// <summary>Pairs of this run still waiting in the review queue (/directory/matches).</summary>
    public int OpenMatches { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await db.ImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id) is not { } run) return NotFound();
        Run = run;
        Report = ImportReport.FromJson(run.Report) ?? Report;
        OpenMatches = await db.MatchReviews.CountAsync(m => m.ImportRunId == id && m.Status == MatchReviewStatus.Open);
        return Page();
    }
}
