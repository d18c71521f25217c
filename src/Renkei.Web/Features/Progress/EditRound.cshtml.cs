using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Progress;

/// <summary>
/// Opens a round (/progress/new) or edits one (/progress/{id}/edit): title, 基準日, 締切, notes and whether it still
/// takes answers. The prefecture office's work only (<see cref="RoundAccess.CanManage"/>); a system admin picks the prefecture.
/// </summary>
public sealed class EditRoundModel(RenkeiDb db, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public DateOnly? AsOf { get; set; }
    [BindProperty] public DateOnly? DueOn { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public RoundState State { get; set; } = RoundState.Open;
    [BindProperty(SupportsGet = true)] public string? Pref { get; set; }
    [BindProperty] public long Version { get; set; }

    public int? Id { get; private set; }
    public bool IsSample { get; private set; }
    public string PrefectureName { get; private set; } = "";
    /// <summary>For a system admin creating a round: every prefecture.</summary>
    public List<(string Code, string Name)> Prefectures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop) return stop;
        if (id is null) return Page();
        var r = await db.ProgressRounds.AsNoTracking().SingleAsync(x => x.Id == id, ct);
        (Title, AsOf, DueOn, Notes, State, Version) = (r.Title, r.AsOf, r.DueOn, r.Notes, r.State, r.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var posted = Pref;
        if (await LoadAsync(id, ct) is { } stop) return stop;
        // A system admin picks the prefecture of a new round: one not in the list is refused, not replaced by another.
        if (id is null && db.Scope.ReadAll && Pref != posted) ModelState.AddModelError(nameof(Pref), "都道府県を一覧から選んでください。");
        Title = Title?.Trim();
        Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
        if (string.IsNullOrEmpty(Title)) ModelState.AddModelError(nameof(Title), "調査回の名称を入力してください。");
        else if (Title.Length > 200) ModelState.AddModelError(nameof(Title), "調査回の名称は200文字以内で入力してください。");
        if (AsOf is null) ModelState.AddModelError(nameof(AsOf), "基準日を入力してください。");
        else if (AsOf.Value.Year is < 2000 or > 2100) ModelState.AddModelError(nameof(AsOf), "基準日は2000年から2100年までの日付で入力してください。");
        if (DueOn is { } due && AsOf is { } asOf && due < asOf) ModelState.AddModelError(nameof(DueOn), "締切は基準日以降の日付にしてください。");
        else if (DueOn is { Year: > 2100 }) ModelState.AddModelError(nameof(DueOn), "締切は2100年までの日付で入力してください。");
        if (Notes?.Length > 2000) ModelState.AddModelError(nameof(Notes), "備考は2000文字以内で入力してください。");
        if (!Enum.IsDefined(State)) ModelState.AddModelError(nameof(State), "受付の状態を選んでください。");
        if (!ModelState.IsValid) return Page();

        var round = id is null
            ? db.ProgressRounds.Add(new ProgressRound
            {
                PrefectureCode = Pref!, Title = Title!, CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = User.Identity?.Name,
            }).Entity
            : await db.ProgressRounds.SingleAsync(r => r.Id == id, ct);
        if (id is not null) db.Entry(round).Property(r => r.Version).OriginalValue = Version;
        round.Title = Title!;
        round.AsOf = AsOf!.Value;
        round.DueOn = DueOn;
        round.Notes = Notes;
        round.State = State;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", Concurrency.Message);
            return Page();
        }
        TempData["Message"] = $"調査回「{round.Title}」を保存しました（基準日 {Wareki.FormatDate(round.AsOf)}、{round.State.Japanese()}）。";
        return Redirect($"/progress/{round.Id}");
    }

    private async Task<IActionResult?> LoadAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            // Another prefecture's round is not found (query filter), so it is a 404 like any unknown id.
            var round = await db.ProgressRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
            if (round is null) return NotFound();
            (Pref, IsSample) = (round.PrefectureCode, round.IsSample);
        }
        else if (db.Scope.ReadAll)
        {
            Prefectures = [.. (await db.Prefectures.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct)).Select(p => (p.Code, p.Name))];
            Pref = Prefectures.Any(p => p.Code == Pref) ? Pref : User.GetPrefectureCode() ?? Prefectures.FirstOrDefault().Code;
        }
        else
        {
            Pref = User.GetPrefectureCode();
        }
        if (Pref is null || !RoundAccess.CanManage(User, db.Scope, Pref)) return Forbid();
        PrefectureName = await db.Prefectures.Where(p => p.Code == Pref).Select(p => p.Name).SingleOrDefaultAsync(ct) ?? Pref;
        return null;
    }
}
