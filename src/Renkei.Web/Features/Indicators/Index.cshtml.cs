using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;

namespace Renkei.Web.Features.Indicators;

/// <summary>The catalogue for one municipality and 年度, grouped by type and category, each with its value against the target.</summary>
public sealed class IndexModel(RenkeiDb db, IndicatorResults results, ValueStore store) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Muni { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public MunicipalityChoice Choice { get; private set; } = null!;
    public IReadOnlyList<IndicatorResult> Results { get; private set; } = [];
    public int CurrentYear => results.CurrentFiscalYear;
    public bool CanEdit => Choice.CanWrite && StaffOnlyAttribute.Allows(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await MunicipalityChoice.ResolveAsync(db, User, Muni, ct) is not { } choice) return Forbid();
        Choice = choice;
        Year ??= CurrentYear;
        if (Year < CurrentYear - 20 || Year > CurrentYear + 10) return BadRequest();
        Results = await results.ForMunicipalityAsync(choice.Code, Year.Value, ct);
        return Page();
    }

    /// <summary>この年度の値として記録: the live counts of the current 年度 become its recorded values.</summary>
    public async Task<IActionResult> OnPostSnapshotAsync(CancellationToken ct)
    {
        if (!StaffOnlyAttribute.Allows(User) || Muni is null || !db.Scope.CanWrite(Muni)) return Forbid();
        var count = await store.SnapshotAsync(Muni, User.Identity?.Name, ct);
        TempData["Message"] = $"Renkei が集計した {count} 項目の値を {Platform.Time.Wareki.FormatFiscalYear(CurrentYear)} の値として記録しました。";
        return Redirect($"/indicators?muni={Muni}");
    }
}
