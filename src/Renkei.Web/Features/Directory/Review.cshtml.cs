using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;
using Renkei.Web.Platform.Time;
using Renkei.Web.Platform.Web;

namespace Renkei.Web.Features.Directory;

/// <summary>
/// Upkeep: providers of the user's municipalities not confirmed for longer than
/// Directory:ReviewAfterDays (default 365) or never, oldest first — the list to work through to keep the directory current.
/// </summary>
public sealed class ReviewModel(RenkeiDb db, TimeProvider clock, IConfiguration config) : PageModel
{
    public sealed record Row(int Id, string Name, ProviderKind Kind, string? ServiceCode, string? MunicipalityCode, DateOnly? LastConfirmedOn);

    public int Days => config.GetValue("Directory:ReviewAfterDays", 365);
    public DateOnly Cutoff { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Empty;
    public Dictionary<string, string> MunicipalityNames { get; private set; } = [];
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public async Task OnGetAsync()
    {
        Cutoff = JapanTime.TodayJst(clock).AddDays(-Days);
        var scope = db.Scope;
        var query = db.Providers.AsNoTracking().Where(p => p.Listed && (p.LastConfirmedOn == null || p.LastConfirmedOn < Cutoff));
        query = scope.WriteAll
            ? query.Where(p => p.PrefectureCode == (User.GetPrefectureCode() ?? p.PrefectureCode))
            : query.Where(p => p.MunicipalityCode != null && scope.Writable.Contains(p.MunicipalityCode));
        Paging = new Paging(PageNumber, await query.CountAsync(), page => $"/directory/review?p={page}");
        Rows = await query.OrderBy(p => p.LastConfirmedOn).ThenBy(p => p.SearchKey).Skip(Paging.Skip).Take(Paging.PageSize)
            .Select(p => new Row(p.Id, p.Name, p.Kind, p.ServiceCode, p.MunicipalityCode, p.LastConfirmedOn)).ToListAsync();
        var codes = Rows.Select(r => r.MunicipalityCode).Distinct().ToList();
        MunicipalityNames = await db.Municipalities.Where(m => codes.Contains(m.Code)).ToDictionaryAsync(m => m.Code, m => m.Name);
    }
}
