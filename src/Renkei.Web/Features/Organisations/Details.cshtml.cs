using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Organisations;

public sealed class DetailsModel(RenkeiDb db) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;
    public string PrefectureName { get; private set; } = "";
    public string? MunicipalityName { get; private set; }
    public List<Municipality> Covered { get; private set; } = [];
    public int Accounts { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await db.Organisations.AsNoTracking().Include(o => o.Coverage).SingleOrDefaultAsync(o => o.Id == id) is not { } org) return NotFound();
        Organisation = org;
        PrefectureName = await db.Prefectures.Where(p => p.Code == org.PrefectureCode).Select(p => p.Name).SingleAsync();
        MunicipalityName = await db.Municipalities.Where(m => m.Code == org.MunicipalityCode).Select(m => m.Name).SingleOrDefaultAsync();
        var covered = org.Coverage.Select(c => c.MunicipalityCode).ToList();
        Covered = await db.Municipalities.AsNoTracking().Where(m => covered.Contains(m.Code)).OrderBy(m => m.Code).ToListAsync();
        Accounts = await db.Users.CountAsync(u => u.OrganisationId == id);
        return Page();
    }
}
