using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Renkei.Web.Features.Regions;

public sealed class PrefectureModel(RegionQueries regions) : PageModel
{
    public Prefecture Prefecture { get; private set; } = null!;
    public List<AreaSummary> Areas { get; private set; } = [];
    public List<MunicipalityRow> Municipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (await regions.PrefectureAsync(code) is not { } p) return NotFound();
        Prefecture = p;
        Areas = await regions.AreasAsync(code);
        Municipalities = await regions.MunicipalitiesAsync(m => m.PrefectureCode == code);
        return Page();
    }
}
