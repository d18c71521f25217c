using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;

namespace Renkei.Web.Features.Progress;

/// <summary>
/// The progress survey rounds of the caller's prefecture, newest first, with how many of the municipalities the
/// caller sees have answered. A system admin sees every prefecture's rounds and may narrow them to one.
/// </summary>
public sealed class IndexModel(RenkeiDb db) : PageModel
{
    public sealed record Row(int Id, string Prefecture, string Title, DateOnly AsOf, DateOnly? DueOn, RoundState State, bool IsSample,
        int Drafts, int Submitted, int Municipalities);

    [BindProperty(SupportsGet = true)] public string? Pref { get; set; }
    public List<Row> Rows { get; private set; } = [];
    public List<(string Code, string Name)> Prefectures { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = db.Scope;
        if (!scope.ReadAll && scope.ReadablePrefectures.Count == 0) return Forbid();
        CanCreate = User.GetPrefectureCode() is { } own && RoundAccess.CanManage(User, scope, own);
        var rounds = db.ProgressRounds.AsNoTracking();
        if (scope.ReadAll)
        {
            var codes = await rounds.Select(r => r.PrefectureCode).Distinct().ToListAsync(ct);
            Prefectures = [.. (await db.Prefectures.AsNoTracking().Where(p => codes.Contains(p.Code)).OrderBy(p => p.Code).ToListAsync(ct)).Select(p => (p.Code, p.Name))];
            if (!string.IsNullOrEmpty(Pref)) rounds = rounds.Where(r => r.PrefectureCode == Pref);
        }
        var list = await rounds.OrderByDescending(r => r.AsOf).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.PrefectureCode, Prefecture = db.Prefectures.Where(p => p.Code == r.PrefectureCode).Select(p => p.Name).First(), r.Title, r.AsOf, r.DueOn, r.State, r.IsSample })
            .ToListAsync(ct);
        var ids = list.Select(r => r.Id).ToList();
        // Responses pass the tenant filter: a health centre counts the municipalities it covers, a municipality itself.
        var counts = await db.ProgressResponses.AsNoTracking().Where(r => ids.Contains(r.RoundId))
            .GroupBy(r => r.RoundId)
            .Select(g => new { g.Key, All = g.Count(), Submitted = g.Count(r => r.SubmittedAtUtc != null) })
            .ToDictionaryAsync(g => g.Key, ct);
        var prefectures = list.Select(r => r.PrefectureCode).Distinct().ToList();
        var visible = await RoundAccess.Municipalities(db, prefectures).GroupBy(m => m.PrefectureCode)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Rows = [.. list.Select(r =>
        {
            var c = counts.GetValueOrDefault(r.Id);
            return new Row(r.Id, r.Prefecture, r.Title, r.AsOf, r.DueOn, r.State, r.IsSample, (c?.All ?? 0) - (c?.Submitted ?? 0), c?.Submitted ?? 0, visible.GetValueOrDefault(r.PrefectureCode));
        })];
        return Page();
    }
}
