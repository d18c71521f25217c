using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;

namespace Renkei.Web.Features.Indicators;

/// <summary>The indicator of one municipality beside the others of its 二次医療圏 and the prefecture as a whole.</summary>
public sealed class CompareModel(RenkeiDb db, IndicatorResults results) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Muni { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public MunicipalityChoice Choice { get; private set; } = null!;
    public Indicator Indicator { get; private set; } = null!;
    public IReadOnlyList<ComparisonRow> Rows { get; private set; } = [];
    public int CurrentYear => results.CurrentFiscalYear;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await MunicipalityChoice.ResolveAsync(db, User, Muni, ct) is not { } choice) return Forbid();
        Choice = choice;
        if (await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && (i.MunicipalityCode == null || i.MunicipalityCode == choice.Code), ct) is not { } indicator) return NotFound();
        Indicator = indicator;
        Year ??= CurrentYear;
        if (Year < CurrentYear - 20 || Year > CurrentYear) return BadRequest();
        Rows = await results.ComparisonAsync(indicator, choice.Code, Year.Value, ct);
        return Page();
    }

    public List<ChartPoint> ChartRows() => [.. Rows.Select(r => new ChartPoint(r.Name, r.Hidden ? null : r.Result.Value, null,
        r.Hidden ? "非公開" : r.Result.Display(), r.IsSelf))];
}
