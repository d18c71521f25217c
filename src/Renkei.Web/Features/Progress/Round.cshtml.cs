using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Progress;

/// <summary>
/// One round: a row per municipality the caller sees (wards excluded; a health centre its covered ones, a
/// municipality its own) with where its answer stands, who entered it and when. Printable as a checklist.
/// </summary>
public sealed class RoundModel(RenkeiDb db) : PageModel
{
    public sealed record Row(string Code, string Name, AnswerState State, bool? EnteredByPrefecture, DateTime? UpdatedAtUtc, string? UpdatedBy, int Answered, int Running)
    {
        public bool CanAnswer { get; init; }
    }

    public ProgressRound Round { get; private set; } = null!;
    public string PrefectureName { get; private set; } = "";
    public List<Row> Rows { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanSeeDashboard { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.ProgressRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } round) return NotFound();
        Round = round;
        PrefectureName = await db.Prefectures.Where(p => p.Code == round.PrefectureCode).Select(p => p.Name).SingleAsync(ct);
        CanManage = RoundAccess.CanManage(User, db.Scope, round.PrefectureCode);
        CanSeeDashboard = db.Scope.CanReadPrefecture(round.PrefectureCode) && DashboardAccess.MayView(User);
        var municipalities = await RoundAccess.Municipalities(db, round.PrefectureCode).OrderBy(m => m.Code).Select(m => new { m.Code, m.Name }).ToListAsync(ct);
        var responses = await db.ProgressResponses.AsNoTracking().Where(r => r.RoundId == id)
            .Select(r => new
            {
                r.MunicipalityCode, r.SubmittedAtUtc, r.EnteredByPrefecture, r.UpdatedAtUtc, r.UpdatedBy,
                Answered = r.Items.Count(i => i.Status != ItemStatus.Unanswered),
                Running = r.Items.Count(i => i.Status == ItemStatus.Running),
            })
            .ToDictionaryAsync(r => r.MunicipalityCode, ct);
        Rows = [.. municipalities.Select(m => responses.TryGetValue(m.Code, out var r)
            ? new Row(m.Code, m.Name, r.SubmittedAtUtc is null ? AnswerState.Draft : AnswerState.Submitted, r.EnteredByPrefecture, r.UpdatedAtUtc, r.UpdatedBy, r.Answered, r.Running)
            : new Row(m.Code, m.Name, AnswerState.None, null, null, null, 0, 0))
            .Select(row => row with { CanAnswer = RoundAccess.CanAnswer(User, db.Scope, round, row.Code) })];
        return Page();
    }
}
