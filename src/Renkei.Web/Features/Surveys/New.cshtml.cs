using Renkei.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Directory;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Surveys;

/// <summary>
/// Staff compose a survey: title, deadline, catalogue functions, their own questions, basic fields to
/// confirm, and the providers of their municipality who receive it (filtered by kind, all ticked at first).
/// </summary>
[StaffOnly]
public sealed class NewModel(RenkeiDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Muni { get; set; }
    [BindProperty(SupportsGet = true)] public ProviderKind? Kind { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }
    [BindProperty] public List<string> Functions { get; set; } = [];
    [BindProperty] public List<string> Fields { get; set; } = [];
    [BindProperty] public string? Questions { get; set; }
    [BindProperty] public List<int> Recipients { get; set; } = [];

    public List<(int Id, string Name, ProviderKind Kind, string? ServiceCode)> Providers { get; private set; } = [];
    public Dictionary<string, string> Municipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await Load() is { } stop) return stop;
        Deadline = JapanTime.TodayJst(clock).AddDays(30);
        Recipients = [.. Providers.Select(p => p.Id)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await Load() is { } stop) return stop;
        var questions = (Questions ?? "").Split('\n').Select(q => q.Trim()).Where(q => q.Length > 0).ToList();
        // Only the municipality's own providers can receive its survey, whatever the form posted.
        var recipients = await db.Providers.Where(p => p.MunicipalityCode == Muni && Recipients.Contains(p.Id)).Select(p => p.Id).ToListAsync();
        if (string.IsNullOrWhiteSpace(Title)) ModelState.AddModelError(nameof(Title), "調査名を入力してください。");
        else if (Title.Trim().Length > 200) ModelState.AddModelError(nameof(Title), "調査名は200文字以内で入力してください。");
        if (Deadline is null) ModelState.AddModelError(nameof(Deadline), "回答期限を入力してください。");
        else if (Deadline < JapanTime.TodayJst(clock)) ModelState.AddModelError(nameof(Deadline), "回答期限は今日以降の日付にしてください。");
        if (questions.Any(q => q.Length > 400)) ModelState.AddModelError(nameof(Questions), "独自の質問は1問400文字以内で入力してください。");
        if (questions.Count > 30) ModelState.AddModelError(nameof(Questions), "独自の質問は30問までです。");
        var functions = Functions.Where(FunctionCatalog.IsKnown).Distinct().ToList();
        var fields = Fields.Where(SurveyItems.ConfirmableFields.Contains).Distinct().ToList();
        if (functions.Count + fields.Count + questions.Count == 0) ModelState.AddModelError("", "質問を1つ以上選ぶか入力してください。");
        if (recipients.Count == 0) ModelState.AddModelError(nameof(Recipients), "送付先の資源を1つ以上選んでください。");
        if (!ModelState.IsValid) return Page();

        var survey = new Survey
        {
            MunicipalityCode = Muni!, Title = Title!.Trim(), Deadline = Deadline!.Value, FunctionCodes = functions, FieldNames = fields,
            Questions = questions, CreatedBy = User.Identity?.Name, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Recipients = [.. recipients.Select(id => new SurveyRecipient { ProviderId = id, MunicipalityCode = Muni! })],
        };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        TempData["Message"] = $"調査「{survey.Title}」を作成しました（送付先 {recipients.Count} 件）。「送付する」でリンクを発行します。";
        return Redirect($"/surveys/{survey.Id}");
    }

    private async Task<IActionResult?> Load()
    {
        var writable = db.Scope.WriteAll && Muni is not null ? [Muni] : db.Scope.Writable.ToList();
        Municipalities = await db.Municipalities.Where(m => writable.Contains(m.Code)).OrderBy(m => m.Code).ToDictionaryAsync(m => m.Code, m => m.Name);
        Muni ??= Municipalities.Keys.FirstOrDefault();
        if (Muni is null || !db.Scope.CanWrite(Muni) || !Municipalities.ContainsKey(Muni)) return Forbid();
        var query = db.Providers.AsNoTracking().Where(p => p.MunicipalityCode == Muni && p.Listed);
        if (Kind is { } k) query = query.Where(p => p.Kind == k);
        Providers = [.. (await query.OrderBy(p => p.Kind).ThenBy(p => p.Name).Select(p => new { p.Id, p.Name, p.Kind, p.ServiceCode }).ToListAsync())
            .Select(p => (p.Id, p.Name, p.Kind, p.ServiceCode))];
        return null;
    }
}
