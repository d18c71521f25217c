using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renkei.Web.Features.Regions;

public sealed class MunicipalityModel(RegionQueries regions) : PageModel
{
    public MunicipalityRow Municipality { get; private set; } = null!;
    public Prefecture Prefecture { get; private set; } = null!;
    public SecondaryArea? Area { get; private set; }
    public List<MunicipalityRow> Wards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (await regions.MunicipalityAsync(code) is not { } m) return NotFound();
        Municipality = m;
        Prefecture = (await regions.PrefectureAsync(m.PrefectureCode))!;
        Area = m.SecondaryAreaCode is null ? null : await regions.AreaAsync(m.SecondaryAreaCode);
        if (m.Kind == MunicipalityKind.DesignatedCity) Wards = await regions.MunicipalitiesAsync(w => w.ParentCode == code);
        return Page();
    }
}
