using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Organisations;
using Renkei.Web.Features.Program;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Home;

/// <summary>
/// A municipality's home: its figures and, per item （ア）〜（ク）, how it is run and whether Renkei's
/// module for it exists yet. Only for users who may read this municipality's program data.
/// </summary>
public sealed class MunicipalityModel(RenkeiDb db, RegionQueries regions) : PageModel
{
    public MunicipalityRow Municipality { get; private set; } = null!;
    public string? AreaName { get; private set; }
    public Dictionary<ProgramItem, ItemArrangement> Arrangements { get; private set; } = [];
    public Dictionary<int, string> Contractors { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (await regions.MunicipalityAsync(code) is not { } m) return NotFound();
        if (!db.Scope.CanRead(code)) return Forbid();
        Municipality = m;
        CanEdit = db.Scope.CanWrite(code);
        AreaName = m.SecondaryAreaCode is null ? null : (await regions.AreaAsync(m.SecondaryAreaCode))?.Name;
        Arrangements = await db.ItemArrangements.AsNoTracking().Where(a => a.MunicipalityCode == code).ToDictionaryAsync(a => a.Item);
        var ids = Arrangements.Values.Where(a => a.ContractorOrganisationId is not null).Select(a => a.ContractorOrganisationId!.Value).ToList();
        Contractors = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        return Page();
    }
}
