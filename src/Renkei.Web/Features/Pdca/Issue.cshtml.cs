using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Pdca;

/// <summary>One issue with what answers it: the countermeasures and short-term goals linked to it.</summary>
public sealed class IssueModel(RenkeiDb db, TimeProvider clock) : PdcaPage(db, clock)
{
    public ProgramIssue Issue { get; private set; } = null!;
    public string? MeetingLabel { get; private set; }
    public List<Countermeasure> Countermeasures { get; private set; } = [];
    public List<Goal> Goals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        // Another municipality's issue is hidden by the tenant filter: it does not exist for this caller.
        if (await Db.ProgramIssues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id) is not { } issue) return NotFound();
        if (await ResolveAsync(issue.MunicipalityCode) is { } stop) return stop;
        Issue = issue;
        if (issue.MeetingId is { } m) MeetingLabel = (await MeetingLabelsAsync([m])).GetValueOrDefault(m);
        Countermeasures = await Db.Countermeasures.AsNoTracking().Where(c => c.Issues.Any(l => l.IssueId == id)).OrderBy(c => c.Item).ThenBy(c => c.Id).ToListAsync();
        Goals = await Db.Goals.AsNoTracking().Where(g => g.Issues.Any(l => l.IssueId == id)).OrderByDescending(g => g.FiscalYear).ThenBy(g => g.Id).ToListAsync();
        return Page();
    }
}
