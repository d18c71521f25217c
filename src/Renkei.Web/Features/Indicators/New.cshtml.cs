using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Indicators;

/// <summary>A municipality's own indicator: numerator ÷ denominator × factor over the elements it may use.</summary>
[StaffOnly]
public sealed class NewModel(RenkeiDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Muni { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public IndicatorType Type { get; set; } = IndicatorType.Process;
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public int NumeratorId { get; set; }
    [BindProperty] public int? DenominatorId { get; set; }
    [BindProperty] public string Factor { get; set; } = "1";
    [BindProperty] public string? HigherIsBetter { get; set; }
    [BindProperty] public string? Definition { get; set; }

    public List<DataElement> Elements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop) return stop;
        var factor = decimal.TryParse(Factor, NumberStyles.Number, CultureInfo.InvariantCulture, out var f) ? f : 0;
        if (!CustomCodes.IsValid(Code)) ModelState.AddModelError(nameof(Code), $"コードは{CustomCodes.Rule}で入力してください。");
        else if (await db.Indicators.AnyAsync(i => i.Code == CustomCodes.For(Muni!, Code!), ct)) ModelState.AddModelError(nameof(Code), "このコードは既に使われています。");
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 200) ModelState.AddModelError(nameof(Name), "指標名を200文字以内で入力してください。");
        if (string.IsNullOrWhiteSpace(Category) || Category.Trim().Length > 100) ModelState.AddModelError(nameof(Category), "分類を100文字以内で入力してください。");
        if (!Enum.IsDefined(Type)) ModelState.AddModelError(nameof(Type), "区分を選んでください。");
        if (!Elements.Any(e => e.Id == NumeratorId)) ModelState.AddModelError(nameof(NumeratorId), "分子のデータ項目を選んでください。");
        if (DenominatorId is { } d && !Elements.Any(e => e.Id == d)) ModelState.AddModelError(nameof(DenominatorId), "分母のデータ項目を選び直してください。");
        if (DenominatorId == NumeratorId) ModelState.AddModelError(nameof(DenominatorId), "分子と分母に同じ項目は選べません。");
        if (factor <= 0 || factor > 1_000_000) ModelState.AddModelError(nameof(Factor), "係数は0より大きく100万以下の数で入力してください（例：1万人対なら 10000、割合なら 100）。");
        if (Unit?.Trim().Length > 40) ModelState.AddModelError(nameof(Unit), "単位は40文字以内で入力してください。");
        if (Definition?.Length > 2000) ModelState.AddModelError(nameof(Definition), "定義は2000文字以内で入力してください。");
        if (!ModelState.IsValid) return Page();
        var indicator = db.Indicators.Add(new Indicator
        {
            Code = CustomCodes.For(Muni!, Code!), Name = Name!.Trim(), Type = Type, Category = Category!.Trim(),
            Unit = string.IsNullOrWhiteSpace(Unit) ? null : Unit.Trim(), NumeratorId = NumeratorId, DenominatorId = DenominatorId, Factor = factor,
            HigherIsBetter = HigherIsBetter switch { "true" => true, "false" => false, _ => null },
            Definition = string.IsNullOrWhiteSpace(Definition) ? null : Definition.Trim(), Source = "市区町村が定義", MunicipalityCode = Muni,
        }).Entity;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"指標「{indicator.Name}」を作りました。";
        return Redirect($"/indicators/{indicator.Id}?muni={Muni}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (Muni is null || !db.Scope.CanWrite(Muni) || !await db.Municipalities.AnyAsync(m => m.Code == Muni, ct)) return Forbid();
        var muni = Muni;
        Elements = await db.DataElements.AsNoTracking().Where(e => e.MunicipalityCode == null || e.MunicipalityCode == muni)
            .OrderBy(e => e.MunicipalityCode != null).ThenBy(e => e.Id).ToListAsync(ct);
        return null;
    }
}
