using Renkei.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Directory;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Surveys;

/// <summary>
/// Staff compare one provider's answers with the directory and accept them item by item. An accepted
/// field is marked as a survey answer confirmed by the staff member and hand-set, so imports keep it;
/// answers not accepted stay on record.
/// </summary>
[StaffOnly]
public sealed class ReviewModel(RenkeiDb db, TimeProvider clock) : PageModel
{
    [BindProperty] public List<string> Accept { get; set; } = [];
    [BindProperty] public long Version { get; set; }
    public Survey Survey { get; private set; } = null!;
    public SurveyRecipient Recipient { get; private set; } = null!;
    public Provider Provider { get; private set; } = null!;
    public List<(SurveyItems.Item Item, SurveyAnswer? Answer)> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int recipient)
    {
        if (await Load(id, recipient) is { } stop) return stop;
        Version = Provider.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int recipient)
    {
        if (await Load(id, recipient) is { } stop) return stop;
        var chosen = Rows.Where(r => r.Answer is not null && r.Item.Kind != SurveyItems.ItemKind.Question && Accept.Contains(r.Item.Key)).ToList();
        if (chosen.Count == 0)
        {
            ModelState.AddModelError("", "取り込む項目を1つ以上選んでください。");
            return Page();
        }
        db.Entry(Provider).Property(p => p.Version).OriginalValue = Version;
        var who = User.Identity?.Name;
        var now = clock.GetUtcNow().UtcDateTime;
        var meta = new Dictionary<string, FieldMeta>(Provider.FieldMeta);
        foreach (var (item, answer) in chosen)
        {
            var name = item.Key[(item.Key.IndexOf(':', StringComparison.Ordinal) + 1)..];
            if (item.Kind == SurveyItems.ItemKind.Field) AcceptField(name, answer!, who, meta);
            else AcceptFunction(name, answer!.Value == SurveyItems.Yes);
            answer!.AcceptedAtUtc = now;
            answer.AcceptedBy = who;
        }
        Provider.FieldMeta = meta;
        Provider.OpenWeekdays = OpenWeekdaysText.Of(Provider.OpenDays, Provider.Hours);
        Provider.LastConfirmedOn = JapanTime.TodayJst(clock);
        Provider.UpdatedAtUtc = now;
        Recipient.AcceptedAtUtc = now;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", Concurrency.Message);
            return Page();
        }
        TempData["Message"] = $"「{Provider.Name}」に {chosen.Count} 項目を取り込みました。";
        return Redirect($"/surveys/{id}");
    }

    // Visibility stays what staff chose before; the answer date is when the provider said it.
    private void AcceptField(string name, SurveyAnswer answer, string? who, Dictionary<string, FieldMeta> meta)
    {
        var field = ProviderFields.ByName[name];
        field.Set(Provider, answer.Value);
        var visibility = meta.TryGetValue(name, out var old) ? old.Visibility : field.DefaultVisibility;
        meta[name] = new FieldMeta(DataSource.Survey, DateOnly.FromDateTime(JapanTime.ToJst(answer.AnsweredAtUtc)), who, true, visibility);
    }

    // Only the survey's own evidence is added or withdrawn: a public source's row is that source's
    // statement and its next import would restore it anyway.
    private void AcceptFunction(string code, bool offered)
    {
        var own = Provider.Functions.FirstOrDefault(f => f.Code == code && f.Source == DataSource.Survey);
        if (offered && own is null) Provider.Functions.Add(new ProviderFunction { Code = code, Source = DataSource.Survey });
        if (!offered && own is not null) Provider.Functions.Remove(own);
    }

    private async Task<IActionResult?> Load(int id, int recipient)
    {
        if (await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id) is not { } s) return NotFound();
        if (!db.Scope.CanWrite(s.MunicipalityCode)) return Forbid();
        if (await db.SurveyRecipients.Include(r => r.Answers).SingleOrDefaultAsync(r => r.Id == recipient && r.SurveyId == id) is not { } r) return NotFound();
        var p = await db.Providers.Include(x => x.Functions).SingleAsync(x => x.Id == r.ProviderId);
        if (!db.Scope.CanWrite(p.MunicipalityCode)) return Forbid();
        (Survey, Recipient, Provider) = (s, r, p);
        Rows = [.. SurveyItems.Of(s).Select(i => (i, r.Answers.FirstOrDefault(a => a.Item == i.Key)))];
        return null;
    }
}
