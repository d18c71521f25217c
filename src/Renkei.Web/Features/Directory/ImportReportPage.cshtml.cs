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

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await db.ImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id) is not { } run) return NotFound();
        Run = run;
        Report = ImportReport.FromJson(run.Report) ?? Report;
        return Page();
    }
}
