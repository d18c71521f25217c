using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Progress;

/// <summary>
/// One municipality's answer to a round: per item （ア）〜（ク） the status, planned date, （イ）'s stage, （カ）'s kinds of
/// training, 委託 and the prefecture's support. 一時保存 keeps a draft, 提出 needs every item. The municipality answers
/// until 締切; the prefecture office and covering health centres may answer on its behalf (marked so), also after it.
/// A first opening proposes answers from Renkei's records (<see cref="ProgressPrefill"/>), to be checked and saved.
/// </summary>
public sealed class AnswerModel(RenkeiDb db, TimeProvider clock) : PageModel
{
    public const string Closed = "この調査回は締め切られたため、市区町村からは回答を変更できません。修正が必要なときは県（保健所）の担当者に連絡してください。";

    [BindProperty] public List<ItemInput> Items { get; set; } = [];
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public long Version { get; set; }
    /// <summary>The response the form was opened on (0: none yet), so a response created meanwhile by someone else is not overwritten.</summary>
    [BindProperty] public int ResponseId { get; set; }
    /// <summary>Which button: "submit" (提出) or anything else (一時保存).</summary>
    [BindProperty] public string? Intent { get; set; }

    public ProgressRound Round { get; private set; } = null!;
    public string MunicipalityCode { get; private set; } = "";
    public string MunicipalityName { get; private set; } = "";
    public AnswerState State { get; private set; }
    public bool EnteredByPrefecture { get; private set; }
    public string? UpdatedBy { get; private set; }
    public DateTime? UpdatedAtUtc { get; private set; }
    public bool CanAnswer { get; private set; }
    public bool OnBehalf { get; private set; }
    /// <summary>True when the answers shown are the pre-fill's proposal, not saved ones.</summary>
    public bool Proposed { get; private set; }
    public Dictionary<ProgramItem, string?> Evidence { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, string municipalityCode, CancellationToken ct)
    {
        if (await LoadAsync(id, municipalityCode, ct) is { } stop) return stop;
        var saved = await db.ProgressResponses.AsNoTracking().Include(r => r.Items).SingleOrDefaultAsync(r => r.RoundId == id && r.MunicipalityCode == municipalityCode, ct);
        if (saved is not null)
        {
            Show(saved);
            (Items, Notes, Version, ResponseId) = (AnswerRules.Complete(saved.Items.Select(ItemInput.From)), saved.Notes, saved.Version, saved.Id);
        }
        else if (CanAnswer)
        {
            var proposals = await new ProgressPrefill(db).ProposeAsync(municipalityCode, Round.AsOf, ct);
            Items = [.. ProgramItems.All.Select(i => proposals[i].ToInput())];
            Evidence = proposals.ToDictionary(p => p.Key, p => p.Value.Evidence);
            Proposed = Evidence.Values.Any(e => e is not null);
        }
        else Items = AnswerRules.Complete([]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string municipalityCode, CancellationToken ct)
    {
        if (await LoadAsync(id, municipalityCode, ct) is { } stop) return stop;
        if (!db.Scope.CanWriteOnBehalf(municipalityCode)) return Forbid();
        var existing = await db.ProgressResponses.Include(r => r.Items).SingleOrDefaultAsync(r => r.RoundId == id && r.MunicipalityCode == municipalityCode, ct);
        if (existing is not null) Show(existing);
        // A first save stores what the pre-fill knew beside each item, as the form showed it.
        var proposals = existing is null ? await new ProgressPrefill(db).ProposeAsync(municipalityCode, Round.AsOf, ct) : null;
        if (proposals is not null) Evidence = proposals.ToDictionary(p => p.Key, p => p.Value.Evidence);
        Items = AnswerRules.Complete(Items);
        Items.ForEach(AnswerRules.Normalise);
        if (!CanAnswer)
        {
            ModelState.AddModelError("", Closed);
            return Page();
        }
        var submit = Intent == "submit";
        foreach (var error in AnswerRules.Check(Round.AsOf, Items, Notes, submit)) ModelState.AddModelError("", error);
        if (!ModelState.IsValid) return Page();
        if ((existing?.Id ?? 0) != ResponseId)
        {
            ModelState.AddModelError("", Concurrency.Message);
            return Page();
        }
        if (existing is not null) db.Entry(existing).Property(r => r.Version).OriginalValue = Version;
        ResponseStore.Put(db, id, municipalityCode, existing, Items, Notes, submit, OnBehalf, User.Identity?.Name, clock.GetUtcNow().UtcDateTime, proposals);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || (e is DbUpdateException u && Concurrency.IsDuplicateKey(u)))
        {
            ModelState.AddModelError("", Concurrency.Message);
            return Page();
        }
        var who = OnBehalf ? "（県・保健所による代理入力）" : "";
        TempData["Message"] = submit ? $"{MunicipalityName}の回答を提出しました{who}。" : $"{MunicipalityName}の回答を一時保存しました{who}。提出するまでは「入力中」です。";
        return Redirect(submit ? $"/progress/{id}" : $"/progress/{id}/answers/{municipalityCode}");
    }

    private void Show(ProgressResponse r)
    {
        State = r.SubmittedAtUtc is null ? AnswerState.Draft : AnswerState.Submitted;
        (EnteredByPrefecture, UpdatedBy, UpdatedAtUtc) = (r.EnteredByPrefecture, r.UpdatedBy, r.UpdatedAtUtc);
        Evidence = r.Items.ToDictionary(i => i.Item, i => i.Evidence);
    }

    private async Task<IActionResult?> LoadAsync(int id, string municipalityCode, CancellationToken ct)
    {
        if (await db.ProgressRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } round) return NotFound();
        if (!await RoundAccess.AnswersInAsync(db, round.PrefectureCode, municipalityCode, ct)) return NotFound();
        // A municipality of this prefecture the caller may not read (another city, one a health centre does not cover).
        if (!db.Scope.CanRead(municipalityCode)) return Forbid();
        Round = round;
        MunicipalityCode = municipalityCode;
        MunicipalityName = await db.Municipalities.Where(m => m.Code == municipalityCode).Select(m => m.Name).SingleAsync(ct);
        OnBehalf = RoundAccess.OnBehalf(User, municipalityCode);
        CanAnswer = RoundAccess.CanAnswer(User, db.Scope, round, municipalityCode);
        return null;
    }
}
