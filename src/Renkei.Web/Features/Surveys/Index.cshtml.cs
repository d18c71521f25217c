using Renkei.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Surveys;

/// <summary>The surveys of the municipalities the caller runs, newest first, with how many answered.</summary>
[StaffOnly]
public sealed class IndexModel(RenkeiDb db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Title, DateOnly Deadline, string Municipality, int Recipients, int Answered, int Accepted);

    public List<Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = JapanTime.TodayJst(clock);
        var writeAll = db.Scope.WriteAll;
        var writable = db.Scope.Writable.ToList();
        Rows = await db.Surveys.AsNoTracking()
            .Where(s => writeAll || writable.Contains(s.MunicipalityCode))
            .OrderByDescending(s => s.Id).Take(200)
            .Select(s => new Row(s.Id, s.Title, s.Deadline,
                db.Municipalities.Where(m => m.Code == s.MunicipalityCode).Select(m => m.Name).FirstOrDefault() ?? s.MunicipalityCode,
                s.Recipients.Count, s.Recipients.Count(r => r.AnsweredAtUtc != null), s.Recipients.Count(r => r.AcceptedAtUtc != null)))
            .ToListAsync();
    }
}
