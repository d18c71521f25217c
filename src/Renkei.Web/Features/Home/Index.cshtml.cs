using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;

namespace Renkei.Web.Features.Home;

/// <summary>
/// "/": anonymous visitors see what Renkei is; municipal users go to their municipality's home;
/// prefecture and health-centre users see the municipalities they follow.
/// </summary>
public sealed class IndexModel(RenkeiDb db) : PageModel
{
    public List<Municipality> Followed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated != true) return Page();
        if (User.GetMunicipalityCode() is { } own && db.Scope.CanRead(own)) return Redirect($"/municipalities/{own}");
        var scope = db.Scope;
        var query = db.Municipalities.AsNoTracking().Where(m => m.Kind != MunicipalityKind.Ward);
        query = scope.ReadAll
            ? query.Where(m => m.PrefectureCode == (User.GetPrefectureCode() ?? m.PrefectureCode))
            : query.Where(m => scope.Readable.Contains(m.Code));
        Followed = await query.OrderBy(m => m.Code).ToListAsync();
        return Page();
    }
}
