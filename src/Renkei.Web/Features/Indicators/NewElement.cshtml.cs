using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Indicators;

/// <summary>A municipality's own data element (always entered by hand: Renkei computes only the shipped ones).</summary>
[StaffOnly]
public sealed class NewElementModel(RenkeiDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Muni { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public string? Description { get; set; }

    public IActionResult OnGet() => Muni is null || !db.Scope.CanWrite(Muni) ? Forbid() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Muni is null || !db.Scope.CanWrite(Muni) || !await db.Municipalities.AnyAsync(m => m.Code == Muni, ct)) return Forbid();
        if (!CustomCodes.IsValid(Code)) ModelState.AddModelError(nameof(Code), $"コードは{CustomCodes.Rule}で入力してください。");
        else if (await db.DataElements.AnyAsync(e => e.Code == CustomCodes.For(Muni, Code!), ct)) ModelState.AddModelError(nameof(Code), "このコードは既に使われています。");
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 200) ModelState.AddModelError(nameof(Name), "項目名を200文字以内で入力してください。");
        if (Unit?.Trim().Length > 40) ModelState.AddModelError(nameof(Unit), "単位は40文字以内で入力してください。");
        if (Description?.Length > 2000) ModelState.AddModelError(nameof(Description), "説明は2000文字以内で入力してください。");
        if (!ModelState.IsValid) return Page();
        var element = db.DataElements.Add(new DataElement
        {
            Code = CustomCodes.For(Muni, Code!), Name = Name!.Trim(), Unit = string.IsNullOrWhiteSpace(Unit) ? null : Unit.Trim(),
            Kind = ElementKind.Manual, Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(), MunicipalityCode = Muni,
        }).Entity;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"データ項目「{element.Name}」（コード {element.Code}）を作りました。";
        return Redirect($"/indicators/new?muni={Muni}");
    }
}
