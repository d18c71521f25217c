using Renkei.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Directory;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Surveys;

/// <summary>
/// One survey: each recipient's status, sending (issuing the private links), revoking and re-issuing a
/// link. A link is shown only in the response that issued it: the database keeps just its hash.
/// </summary>
[StaffOnly]
public sealed class DetailsModel(RenkeiDb db, TimeProvider clock) : PageModel
{
    public Survey Survey { get; private set; } = null!;
    public List<Row> Rows { get; private set; } = [];
    /// <summary>Links issued by this request, by recipient id.</summary>
    public Dictionary<int, string> NewLinks { get; } = [];
    public DateOnly Today { get; private set; }

    public sealed record Row(SurveyRecipient Recipient, string ProviderName, string Kind, string Status);

    public async Task<IActionResult> OnGetAsync(int id) => await Load(id) ?? Page();

    public async Task<IActionResult> OnPostSendAsync(int id)
    {
        if (await Load(id, tracked: true) is { } stop) return stop;
        if (!Survey.IsOpen(Today)) return Message("回答期限を過ぎているため送付できません。", id);
        foreach (var r in Survey.Recipients.Where(r => r.TokenHash is null)) Issue(r);
        await db.SaveChangesAsync();
        return await Reload(id);
    }

    public async Task<IActionResult> OnPostReissueAsync(int id, int recipient)
    {
        if (await Load(id, tracked: true) is { } stop) return stop;
        if (!Survey.IsOpen(Today)) return Message("回答期限を過ぎているため再発行できません。", id);
        if (Survey.Recipients.SingleOrDefault(r => r.Id == recipient) is not { } r) return NotFound();
        Issue(r);
        await db.SaveChangesAsync();
        return await Reload(id);
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, int recipient)
    {
        if (await Load(id, tracked: true) is { } stop) return stop;
        if (Survey.Recipients.SingleOrDefault(r => r.Id == recipient) is not { } r) return NotFound();
        r.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return Message("リンクを取り消しました。このリンクでは回答できなくなります。", id);
    }

    // A new token replaces the old one, so a re-issued link also invalidates the previous link.
    private void Issue(SurveyRecipient r)
    {
        var token = SurveyLinks.NewToken();
        r.TokenHash = SurveyLinks.Hash(token);
        r.SentAtUtc = clock.GetUtcNow().UtcDateTime;
        r.RevokedAtUtc = null;
        NewLinks[r.Id] = $"{Request.Scheme}://{Request.Host}{SurveyLinks.Path(token)}";
    }

    private IActionResult Message(string text, int id)
    {
        TempData["Message"] = text;
        return Redirect($"/surveys/{id}");
    }

    // The links must reach the staff member in this response; re-read so the statuses are current.
    private async Task<IActionResult> Reload(int id)
    {
        db.ChangeTracker.Clear();
        return await Load(id) ?? Page();
    }

    private async Task<IActionResult?> Load(int id, bool tracked = false)
    {
        var query = db.Surveys.Include(s => s.Recipients).AsQueryable();
        if (!tracked) query = query.AsNoTracking();
        if (await query.SingleOrDefaultAsync(s => s.Id == id) is not { } s) return NotFound();
        if (!db.Scope.CanWrite(s.MunicipalityCode)) return Forbid();
        Survey = s;
        Today = JapanTime.TodayJst(clock);
        var ids = s.Recipients.Select(r => r.ProviderId).ToList();
        var providers = await db.Providers.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.Kind, p.ServiceCode }).ToDictionaryAsync(p => p.Id);
        Rows = [.. s.Recipients.OrderBy(r => providers[r.ProviderId].Kind).ThenBy(r => providers[r.ProviderId].Name)
            .Select(r => new Row(r, providers[r.ProviderId].Name, ProviderKindNames.Describe(providers[r.ProviderId].Kind, providers[r.ProviderId].ServiceCode), SurveyStatus.Of(r, s.Deadline, Today)))];
        return null;
    }
}
