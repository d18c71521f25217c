using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Directory.Import;
using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Text;
using Renkei.Web.Platform.Web;

namespace Renkei.Web.Features.Progress;

/// <summary>
/// The prefecture office fills in answers for many municipalities at once: download the round's template (one row per
/// municipality, with the answers stored so far), upload it, see per municipality what would change and each refused
/// row with its reason, then 「取り込む」 stores everything or, while any row is refused, nothing.
/// </summary>
[RequestSizeLimit(RoundFile.MaxFileBytes * 4)]
[RequestFormLimits(MultipartBodyLengthLimit = RoundFile.MaxFileBytes * 4, ValueLengthLimit = (int)RoundFile.MaxFileBytes * 2)]
public sealed class ImportModel(RenkeiDb db, TimeProvider clock) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Payload { get; set; }
    /// <summary>The answers' versions the preview compared with ("312011:3,312029:-1"), so apply refuses if one changed since.</summary>
    [BindProperty] public string? Seen { get; set; }

    public ProgressRound Round { get; private set; } = null!;
    public List<CheckedRow>? Preview { get; private set; }
    public string? FileName { get; private set; }
    public bool CanApply => Preview is { Count: > 0 } p && p.All(r => r.Errors.Count == 0) && p.Any(r => r.Changes.Count > 0);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnGetTemplateAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        var municipalities = await RoundAccess.Municipalities(db, Round.PrefectureCode).OrderBy(m => m.Code).Select(m => new { m.Code, m.Name }).ToListAsync(ct);
        var responses = await db.ProgressResponses.AsNoTracking().Include(r => r.Items).Where(r => r.RoundId == id).ToDictionaryAsync(r => r.MunicipalityCode, ct);
        var rows = municipalities.Select(m => responses.TryGetValue(m.Code, out var r)
            ? RoundSheet.Row(m.Code, m.Name, r.Items.ToDictionary(i => i.Item), r.Notes)
            : RoundSheet.Row(m.Code, m.Name, new Dictionary<ProgramItem, ProgressItemAnswer>(), null));
        using var answers = XlsxTable.Of(RoundSheet.AnswerSheet, RoundSheet.Header, rows);
        using var help = RoundSheet.Instructions(Round.Title, Round.AsOf);
        var bytes = await XlsxTable.ToBytesAsync(ct, answers, help);
        return File(bytes, Download.Xlsx, Download.DatedName(clock, "進捗調査_回答ひな形", "xlsx"));
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "取り込むファイル（Excel ブック .xlsx）を選んでください。");
            return Page();
        }
        FileName = Path.GetFileName(Upload.FileName);
        var temp = Path.Combine(Path.GetTempPath(), "renkei-progress-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var stream = System.IO.File.Create(temp)) await Upload.CopyToAsync(stream, ct);
            var rows = RoundFile.Read(temp, FileName);
            Preview = await new RoundImport(db, clock).CheckAsync(Round, rows, ct);
            Payload = RoundFile.ToPayload(rows);
            Seen = string.Join(',', Preview.Where(r => r.Errors.Count == 0).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Code}:{r.SeenVersion}")));
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

    public async Task<IActionResult> OnPostApplyAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        var import = new RoundImport(db, clock);
        Preview = await import.CheckAsync(Round, RoundFile.FromPayload(Payload ?? ""), ct);
        var seen = (Seen ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split(':'))
            .Where(p => p.Length == 2 && long.TryParse(p[1], CultureInfo.InvariantCulture, out _))
            .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => long.Parse(g.First()[1], CultureInfo.InvariantCulture));
        if (await import.ApplyAsync(Round, Preview, seen, User.Identity?.Name, ct) is { } refused)
        {
            ModelState.AddModelError("", refused);
            return Page();
        }
        TempData["Message"] = $"{Preview.Count(r => r.Changes.Count > 0)} 市区町村の回答を取り込みました（県・保健所による代理入力として記録）。";
        return Redirect($"/progress/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.ProgressRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } round) return NotFound();
        if (!RoundAccess.CanManage(User, db.Scope, round.PrefectureCode)) return Forbid();
        Round = round;
        return null;
    }
}
