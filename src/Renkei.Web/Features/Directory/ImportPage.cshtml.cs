using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Features.Directory.Import;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;

namespace Renkei.Web.Features.Directory;

/// <summary>
/// Upload a public file into the directory. "確認のみ" shows the diff without writing; otherwise the
/// file is applied whole and the report page opens. Stateless on purpose: nothing waits on the server between steps.
/// </summary>
[Authorize(Roles = $"{Roles.SystemAdmin},{Roles.OrgAdmin},{Roles.ProgramStaff}")]
[RequestSizeLimit(SourceCsv.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = SourceCsv.MaxBytes + 1024 * 1024)]
public sealed class ImportPageModel(RenkeiDb db, DirectoryImportService imports) : PageModel
{
    [BindProperty] public string Kind { get; set; } = "kaigo-opendata";
    [BindProperty] public string? Pref { get; set; }
    [BindProperty] public bool Overwrite { get; set; }
    // An unticked checkbox posts nothing, so the bound default must be false; the empty form starts ticked (OnGet).
    [BindProperty] public bool PreviewOnly { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public ImportPlan? Preview { get; private set; }
    public List<ImportRun> Recent { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Pref ??= User.GetPrefectureCode();
        PreviewOnly = true;
        await LoadRecent();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadRecent();
        if (!DirectoryImportService.CommandNames.TryGetValue(Kind, out var kind)) ModelState.AddModelError(nameof(Kind), "取込の種類を選んでください。");
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), "取り込むファイルを選んでください。");
        if (!ModelState.IsValid) return Page();

        var temp = Path.Combine(Path.GetTempPath(), "renkei-upload-" + Guid.NewGuid().ToString("N") + Path.GetExtension(Upload!.FileName));
        try
        {
            await using (var stream = System.IO.File.Create(temp)) await Upload.CopyToAsync(stream, ct);
            var name = Path.GetFileName(Upload.FileName);
            var (plan, run) = await imports.ImportAsync(kind, temp, name, string.IsNullOrEmpty(Pref) ? null : Pref, Overwrite, apply: !PreviewOnly, User.Identity?.Name, ct);
            if (run is not null)
            {
                TempData["Message"] = $"「{name}」を取り込みました：新規 {run.New} 件、変更 {run.Changed} 件、変更なし {run.Unchanged} 件、却下 {run.Rejected} 行。";
                return Redirect($"/directory/imports/{run.Id}");
            }
            Preview = plan;
            return Page();
        }
        catch (ImportFileException e)
        {
            ModelState.AddModelError(nameof(Upload), e.Message + "（何も変更していません）");
            return Page();
        }
        finally
        {
            System.IO.File.Delete(temp);
        }
    }

    private async Task LoadRecent() => Recent = await db.ImportRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(20).ToListAsync();
}
