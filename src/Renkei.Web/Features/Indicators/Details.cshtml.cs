using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Indicators;

/// <summary>One indicator for one municipality: its time series against the target (chart and table) and the target form.</summary>
public sealed class DetailsModel(RenkeiDb db, IndicatorResults results, ValueStore store) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Muni { get; set; }
    [BindProperty] public int TargetYear { get; set; }
    [BindProperty] public string? TargetValue { get; set; }
    [BindProperty] public string? TargetNote { get; set; }

    public MunicipalityChoice Choice { get; private set; } = null!;
    public Indicator Indicator { get; private set; } = null!;
    public DataElement Numerator { get; private set; } = null!;
    public DataElement? Denominator { get; private set; }
    public IReadOnlyList<IndicatorResult> Series { get; private set; } = [];
    public int CurrentYear => results.CurrentFiscalYear;
    public bool CanEdit => Choice.CanWrite && StaffOnlyAttribute.Allows(User);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostTargetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        // A post names the municipality it writes to; never fall back to the caller's own.
        if (!CanEdit || Muni != Choice.Code) return Forbid();
        decimal? value = null;
        if (!string.IsNullOrWhiteSpace(TargetValue) && (value = ValueImport.ParseValue(TargetValue)) is null) ModelState.AddModelError(nameof(TargetValue), "目標値は数値で入力してください。");
        if (value < 0) ModelState.AddModelError(nameof(TargetValue), "目標値は0以上で入力してください。");
        if (TargetYear < CurrentYear - 20 || TargetYear > CurrentYear + 10) ModelState.AddModelError(nameof(TargetYear), "年度が範囲外です。");
        if (TargetNote?.Length > 1000) ModelState.AddModelError(nameof(TargetNote), "備考は1000文字以内で入力してください。");
        if (!ModelState.IsValid) return Page();
        try
        {
            await store.SetTargetAsync(Choice.Code, Indicator.Id, TargetYear, value, string.IsNullOrWhiteSpace(TargetNote) ? null : TargetNote.Trim(), User.Identity?.Name, null, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", Concurrency.Message);
            await LoadAsync(id, ct);
            return Page();
        }
        TempData["Message"] = value is null ? $"{Wareki.FormatFiscalYear(TargetYear)}の目標を削除しました。" : $"{Wareki.FormatFiscalYear(TargetYear)}の目標を {IndicatorFormula.Format(value.Value, 4)} にしました。";
        return Redirect($"/indicators/{id}?muni={Choice.Code}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await MunicipalityChoice.ResolveAsync(db, User, Muni, ct) is not { } choice) return Forbid();
        Choice = choice;
        // Another municipality's own indicator is not in this one's catalogue.
        if (await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && (i.MunicipalityCode == null || i.MunicipalityCode == choice.Code), ct) is not { } indicator) return NotFound();
        Indicator = indicator;
        Numerator = await db.DataElements.AsNoTracking().SingleAsync(e => e.Id == indicator.NumeratorId, ct);
        Denominator = indicator.DenominatorId is { } d ? await db.DataElements.AsNoTracking().SingleAsync(e => e.Id == d, ct) : null;
        Series = await results.SeriesAsync(indicator, choice.Code, ct);
        return null;
    }

    public IEnumerable<ChartPoint> ChartPoints() => Series.Select(r => new ChartPoint(
        Wareki.FormatFiscalYear(r.FiscalYear).Replace("年度", "", StringComparison.Ordinal), r.Result.Value, r.Target?.Value,
        r.Result.Status == FormulaStatus.DivisionByZero ? "分母0" : "未入力"));
}
