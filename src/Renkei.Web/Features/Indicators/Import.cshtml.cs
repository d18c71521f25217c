using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Features.Directory.Import;

namespace Renkei.Web.Features.Indicators;

/// <summary>
/// Upload of values: the file is read and every row checked, and the preview lists what would be stored and
/// each refused row with its reason. 「取り込む」 posts the rows back (checked again, in case scope or
/// catalogue changed) and stores them all in one save, or nothing while any row is refused.
/// </summary>
[StaffOnly]
[RequestSizeLimit(ValueImport.MaxCsvBytes * 4)]
[RequestFormLimits(MultipartBodyLengthLimit = ValueImport.MaxCsvBytes * 4, ValueLengthLimit = (int)ValueImport.MaxCsvBytes * 2)]
public sealed class ImportModel(ValueImport import) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Muni { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Payload { get; set; }

    public List<CheckedValueRow>? Preview { get; private set; }
    public string? FileName { get; private set; }
    public bool CanApply => Preview is { Count: > 0 } p && p.All(r => r.Error is null);

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "取り込むファイル（CSV または Excel）を選んでください。");
            return Page();
        }
        FileName = Path.GetFileName(Upload.FileName);
        var temp = Path.Combine(Path.GetTempPath(), "renkei-values-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var stream = System.IO.File.Create(temp)) await Upload.CopyToAsync(stream, ct);
            var rows = ValueImport.Read(temp, FileName);
            Preview = await import.CheckAsync(rows, ct);
            Payload = ValueImport.ToPayload(rows);
        }
        catch (ImportFileException e)
        {
            ModelState.AddModelError(nameof(Upload), e.Message + "（何も取り込んでいません）");
        }
        finally
        {
            System.IO.File.Delete(temp);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        Preview = await import.CheckAsync(ValueImport.FromPayload(Payload ?? ""), ct);
        if (!await import.ApplyAsync(Preview, User.Identity?.Name, ct))
        {
            ModelState.AddModelError("", "取り込めない行があるため、何も取り込んでいません。ファイルを直してからもう一度選んでください。");
            return Page();
        }
        TempData["Message"] = $"{Preview.Count} 件の値を取り込みました。";
        return Redirect($"/indicators?muni={Muni}");
    }
}
