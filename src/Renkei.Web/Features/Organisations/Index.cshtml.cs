using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;
using Renkei.Web.Platform.Web;

namespace Renkei.Web.Features.Organisations;

/// <summary>Organisations by prefecture, kind and name, paged. Readable by every signed-in user: no personal data.</summary>
public sealed class IndexModel(RenkeiDb db) : PageModel
{
    public sealed record Row(int Id, OrganisationKind Kind, string Name, string? MunicipalityName, bool IsDemo);

    [BindProperty(SupportsGet = true)] public string? Pref { get; set; }
    [BindProperty(SupportsGet = true)] public OrganisationKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public List<Prefecture> Prefectures { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Empty;

    public async Task OnGetAsync()
    {
        Prefectures = await db.Prefectures.AsNoTracking().OrderBy(p => p.Code).ToListAsync();
        Pref ??= User.GetPrefectureCode();
        var query = db.Organisations.AsNoTracking().AsQueryable();
        if (!string.IsNullOrEmpty(Pref)) query = query.Where(o => o.PrefectureCode == Pref);
        if (Kind is { } kind) query = query.Where(o => o.Kind == kind);
        if (Q?.Trim() is { Length: > 0 } text) query = query.Where(o => o.Name.Contains(text) || (o.Kana != null && o.Kana.Contains(text)));
        Paging = new Paging(PageNumber, await query.CountAsync(), PageUrl);
        Rows = await query.OrderBy(o => o.Kind).ThenBy(o => o.Name)
            .Skip(Paging.Skip).Take(Paging.PageSize)
            .Select(o => new Row(o.Id, o.Kind, o.Name,
                db.Municipalities.Where(m => m.Code == o.MunicipalityCode).Select(m => m.Name).FirstOrDefault(), o.IsDemo))
            .ToListAsync();
    }

    public string PageUrl(int page) =>
        $"/organisations?pref={Pref}&kind={Kind}&q={Uri.EscapeDataString(Q ?? "")}&p={page}";
}
