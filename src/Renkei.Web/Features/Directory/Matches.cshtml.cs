using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;
using Renkei.Web.Platform.Web;

namespace Renkei.Web.Features.Directory;

/// <summary>
/// 重複の確認: pairs an import could not decide (<see cref="MatchReview"/>) for the user's municipalities,
/// each shown side by side; staff merge the pair or keep it apart. Decided pairs stay listed under 確認済み.
/// </summary>
public sealed class MatchesModel(RenkeiDb db, TimeProvider clock) : PageModel
{
    public sealed record Side(int Id, string Name, string? NameKana, ProviderKind Kind, string? ServiceCode, string? Address, string? Phone,
        IReadOnlyList<ProviderIdentifier> Identifiers);

    public sealed record Pair(MatchReview Review, Side? Provider, Side? Candidate);

    [BindProperty(SupportsGet = true, Name = "status")] public MatchReviewStatus Status { get; set; } = MatchReviewStatus.Open;
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    public List<Pair> Pairs { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Empty;

    public async Task OnGetAsync()
    {
        var query = Visible().Where(r => r.Status == Status);
        Paging = new Paging(PageNumber, await query.CountAsync(), page => $"/directory/matches?status={Status}&p={page}");
        var reviews = await query.OrderBy(r => r.CreatedAtUtc).ThenBy(r => r.Id).Skip(Paging.Skip).Take(Paging.PageSize).ToListAsync();
        var ids = reviews.SelectMany(r => new[] { r.ProviderId, r.CandidateId }).OfType<int>().Distinct().ToList();
        var sides = (await db.Providers.AsNoTracking().Include(p => p.Identifiers).Where(p => ids.Contains(p.Id)).ToListAsync())
            .ToDictionary(p => p.Id, p => new Side(p.Id, p.Name, p.NameKana, p.Kind, p.ServiceCode, p.Address, p.Phone, p.Identifiers));
        Pairs = [.. reviews.Select(r => new Pair(r, Find(sides, r.ProviderId), Find(sides, r.CandidateId)))];
    }

    /// <param name="merge">true: merge, false: keep apart; anything else (missing, tampered) decides nothing.</param>
    public async Task<IActionResult> OnPostAsync(int id, long version, bool? merge)
    {
        if (merge is null || !ModelState.IsValid)
        {
            TempData["Error"] = "「同一として統合」か「別の事業所」のどちらかを選んでください。何も変更していません。";
            return Redirect("/directory/matches");
        }
        var review = await Visible(tracked: true).SingleOrDefaultAsync(r => r.Id == id);
        if (review is null) return NotFound();
        if (review.Status != MatchReviewStatus.Open || review.Version != version)
        {
            TempData["Error"] = "この組合せは、この画面を開いた後に他の人が確認済みにしています。最新の一覧を確認してください。";
            return Redirect("/directory/matches");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var user = User.Identity?.Name;
        try
        {
            if (merge.Value)
            {
                if (await MatchReviews.MergeAsync(db, review, user, now, HttpContext.RequestAborted) is { } refusal)
                {
                    TempData["Error"] = refusal;
                    return Redirect("/directory/matches");
                }
                TempData["Message"] = $"「{review.ProviderLabel}」を「{review.CandidateLabel}」に統合しました。";
            }
            else
            {
                (review.Status, review.DecidedBy, review.DecidedAtUtc) = (MatchReviewStatus.KeptApart, user, now);
                await db.SaveChangesAsync();
                TempData["Message"] = $"「{review.ProviderLabel}」と「{review.CandidateLabel}」を別の事業所として残しました。";
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = Concurrency.Message;
        }
        return Redirect("/directory/matches");
    }

    /// <summary>Pairs whose providers lie in municipalities the user may edit (both sides share one municipality).</summary>
    private IQueryable<MatchReview> Visible(bool tracked = false)
    {
        var scope = db.Scope;
        var reviews = tracked ? db.MatchReviews : db.MatchReviews.AsNoTracking();
        if (scope.WriteAll)
        {
            var prefecture = User.GetPrefectureCode();
            return prefecture is null ? reviews
                : reviews.Where(r => db.Providers.Any(p => (p.Id == r.ProviderId || p.Id == r.CandidateId) && p.PrefectureCode == prefecture));
        }
        var writable = scope.Writable.ToList();
        return reviews.Where(r => db.Providers.Any(p => (p.Id == r.ProviderId || p.Id == r.CandidateId) && p.MunicipalityCode != null && writable.Contains(p.MunicipalityCode)));
    }

    private static Side? Find(Dictionary<int, Side> sides, int? id) => id is { } i && sides.TryGetValue(i, out var s) ? s : null;
}
