using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Directory;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Text;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Surveys.Answer;

/// <summary>
/// The provider answers through its private link, without an account, until the deadline, as often as
/// it likes (the latest answer counts). The token is the only key: the page loads nothing but that
/// recipient's survey and provider. An unknown, revoked or expired link gets one and the same page.
/// </summary>
public sealed class AnswerModel(RenkeiDb db, TimeProvider clock) : PageModel
{
    [BindProperty] public Dictionary<string, string?> Answers { get; set; } = [];
    public bool Invalid { get; private set; }
    public Survey Survey { get; private set; } = null!;
    public Provider Provider { get; private set; } = null!;
    public SurveyRecipient Recipient { get; private set; } = null!;
    public List<SurveyItems.Item> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string token)
    {
        if (!await Load(token)) return InvalidLink();
        Answers = Items.ToDictionary(i => i.Key, i => Recipient.Answers.FirstOrDefault(a => a.Item == i.Key)?.Value
            ?? (i.Kind == SurveyItems.ItemKind.Field ? SurveyItems.Current(i, Provider) : null));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (!await Load(token)) return InvalidLink();
        var values = Validate();
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (key, value) in values)
        {
            var existing = Recipient.Answers.FirstOrDefault(a => a.Item == key);
            if (value is null)
            {
                if (existing is not null) db.SurveyAnswers.Remove(existing);
                continue;
            }
            if (existing is null)
            {
                Recipient.Answers.Add(new SurveyAnswer { ProviderId = Provider.Id, MunicipalityCode = Recipient.MunicipalityCode, Item = key, Value = value, AnsweredAtUtc = now });
            }
            else if (existing.Value != value)
            {
                existing.Value = value;
                existing.AnsweredAtUtc = now;
                existing.AcceptedAtUtc = null;
                existing.AcceptedBy = null;
            }
        }
        Recipient.AnsweredAtUtc = now;
        await db.SaveChangesAsync();
        TempData["Message"] = "回答を受け付けました。ありがとうございました。回答期限までは、このページから何度でも修正できます。";
        return Redirect(SurveyLinks.Path(token));
    }

    // Field answers are normalised the way staff edits are; a blank field means "no answer".
    private Dictionary<string, string?> Validate()
    {
        var result = new Dictionary<string, string?>();
        foreach (var item in Items)
        {
            var text = Answers.GetValueOrDefault(item.Key)?.Trim();
            if (string.IsNullOrEmpty(text)) { result[item.Key] = null; continue; }
            var max = SurveyItems.MaxLength(item);
            if (text.Length > max) { ModelState.AddModelError($"Answers[{item.Key}]", $"{item.Label}：{max}文字以内で入力してください。"); continue; }
            result[item.Key] = item.Kind switch
            {
                SurveyItems.ItemKind.Function => text is SurveyItems.Yes or SurveyItems.No ? text : Error(item, "「はい」か「いいえ」を選んでください。"),
                SurveyItems.ItemKind.Field => Field(item, text),
                _ => text,
            };
        }
        return result;
    }

    private string? Field(SurveyItems.Item item, string text) => item.Key switch
    {
        "field:Phone" or "field:Fax" => ContactText.Phone(text) ?? Error(item, "数字とハイフンで入力してください。"),
        "field:Url" => ContactText.UrlOrEmail(text).Url ?? Error(item, "http:// または https:// で始まるアドレスを入力してください。"),
        "field:Email" => ContactText.UrlOrEmail(text).Email ?? Error(item, "メールアドレスの形式で入力してください。"),
        _ => text,
    };

    private string? Error(SurveyItems.Item item, string message)
    {
        ModelState.AddModelError($"Answers[{item.Key}]", $"{item.Label}：{message}");
        return null;
    }

    private IActionResult InvalidLink()
    {
        Invalid = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task<bool> Load(string token)
    {
        if (SurveyLinks.Hash(token) is not { } hash) return false;
        var recipient = await db.SurveyRecipients.Include(r => r.Answers).SingleOrDefaultAsync(r => r.TokenHash == hash && r.RevokedAtUtc == null);
        if (recipient is null) return false;
        // The provider answering is outside every tenant scope; its private link authorised it (ADR 0009).
        var survey = await db.Surveys.AsNoTracking().IgnoreQueryFilters().SingleAsync(s => s.Id == recipient.SurveyId);
        if (!survey.IsOpen(JapanTime.TodayJst(clock))) return false;
        Recipient = recipient;
        Survey = survey;
        Provider = await db.Providers.AsNoTracking().Include(p => p.Functions).SingleAsync(p => p.Id == recipient.ProviderId);
        Items = [.. SurveyItems.Of(survey)];
        return true;
    }
}
