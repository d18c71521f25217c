using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renkei.Web.Features.Regions;

public sealed class AreaModel(RegionQueries regions) : PageModel
{
    public SecondaryArea Area { get; private set; } = null!;
    public Prefecture Prefecture { get; private set; } = null!;
    public List<MunicipalityRow> Municipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (await regions.AreaAsync(code) is not { } a) return NotFound();
        Area = a;
        Prefecture = (await regions.PrefectureAsync(a.PrefectureCode))!;
        Municipalities = await regions.MunicipalitiesAsync(m => m.SecondaryAreaCode == code && m.Kind != MunicipalityKind.DesignatedCity);
        return Page();
    }
}
