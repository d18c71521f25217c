using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Pdca;

/// <summary>Create or edit a countermeasure: item （ウ）〜（ク）, owner, schedule, status and the issues it answers.</summary>
[StaffOnly]
public sealed class CountermeasureEditModel(RenkeiDb db, TimeProvider clock) : PdcaPage(db, clock)
{
    public sealed class Input
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public ProgramItem? Item { get; set; }
        public string? Owner { get; set; }
        public int? OwnerOrganisationId { get; set; }
        public DateOnly? StartOn { get; set; }
        public DateOnly? EndOn { get; set; }
        public WorkStatus Status { get; set; }
        public List<int> IssueIds { get; set; } = [];
        public long Version { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public int? Id { get; private set; }
    public PdcaChoices Choices { get; private set; } = null!;
    public (Dictionary<int, string>, List<int>, string) IssueChoices => (Choices.Issues, Form.IssueIds, "Form.IssueIds");

    public async Task<IActionResult> OnGetAsync(int? id, int? issue)
    {
        var (stop, c) = await LoadAsync(id);
        if (stop is not null) return stop;
        Form = c is null ? new Input { IssueIds = issue is { } i ? [i] : [] } : new Input
        {
            Title = c.Title, Description = c.Description, Item = c.Item, Owner = c.Owner, OwnerOrganisationId = c.OwnerOrganisationId,
            StartOn = c.StartOn, EndOn = c.EndOn, Status = c.Status, IssueIds = [.. c.Issues.Select(l => l.IssueId)], Version = c.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        var (stop, c) = await LoadAsync(id);
        if (stop is not null) return stop;
        Validate();
        if (!ModelState.IsValid) return Page();
        c ??= Db.Countermeasures.Add(new Countermeasure { MunicipalityCode = Choice.Code, Title = "" }).Entity;
        // The version the user saw: if someone saved since, EF's UPDATE matches no row and throws.
        if (id is not null) Db.Entry(c).Property(e => e.Version).OriginalValue = Form.Version;
        c.Title = Form.Title!.Trim();
        c.Description = Blank(Form.Description);
        c.Item = Form.Item!.Value;
        c.Owner = Blank(Form.Owner);
        (c.OwnerOrganisationId, c.StartOn, c.EndOn, c.Status) = (Form.OwnerOrganisationId, Form.StartOn, Form.EndOn, Form.Status);
        c.UpdatedAtUtc = Clock.GetUtcNow().UtcDateTime;
        c.UpdatedBy = User.Identity?.Name;
        c.Issues.RemoveAll(l => !Form.IssueIds.Contains(l.IssueId));
        foreach (var issueId in Form.IssueIds.Distinct().Where(i => c.Issues.All(l => l.IssueId != i)))
            c.Issues.Add(new CountermeasureIssue { IssueId = issueId, MunicipalityCode = Choice.Code });
        try
        {
            await Db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", Concurrency.Message);
            return Page();
        }
        TempData["Message"] = id is null ? "対応策を登録しました。" : "対応策を保存しました。";
        return Redirect($"/pdca/countermeasures/{c.Id}");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private void Validate()
    {
        if (string.IsNullOrWhiteSpace(Form.Title)) ModelState.AddModelError("Form.Title", "対応策の名称を入力してください。");
        else if (Form.Title.Trim().Length > 200) ModelState.AddModelError("Form.Title", "対応策の名称は200文字以内で入力してください。");
        if (Form.Description?.Trim().Length > 4000) ModelState.AddModelError("Form.Description", "内容は4000文字以内で入力してください。");
        if (Form.Item is not { } item || !PdcaNames.CountermeasureItems.Contains(item))
            ModelState.AddModelError("Form.Item", "事業項目は（ウ）〜（ク）から選んでください（（ア）（イ）は計画のための項目です）。");
        if (Form.Owner?.Trim().Length > 200) ModelState.AddModelError("Form.Owner", "実施主体は200文字以内で入力してください。");
        if (Form.OwnerOrganisationId is { } o && !Choices.Organisations.ContainsKey(o)) ModelState.AddModelError("Form.OwnerOrganisationId", "実施組織は一覧から選んでください。");
        if (Form.StartOn is { } s && Form.EndOn is { } e && e < s) ModelState.AddModelError("Form.EndOn", "終了日は開始日以降の日付にしてください。");
        if (!Enum.IsDefined(Form.Status)) ModelState.AddModelError("Form.Status", "状況を選んでください。");
        if (Form.IssueIds.Any(i => !Choices.Issues.ContainsKey(i))) ModelState.AddModelError("Form.IssueIds", "課題は一覧から選んでください。");
    }

    /// <summary>Deletes the countermeasure with its evaluations and issue links (the issues stay).</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var (stop, c) = await LoadAsync(id);
        if (stop is not null) return stop;
        await Db.Entry(c!).Collection(x => x.Evaluations).LoadAsync();
        var q = "?muni=" + Uri.EscapeDataString(Choice.Code);
        return await DeleteAsync(c!, Form.Version, $"対応策「{c!.Title}」を削除しました。", $"/pdca/countermeasures/edit/{id}{q}", "/pdca/countermeasures" + q);
    }

    private async Task<(IActionResult? Stop, Countermeasure? C)> LoadAsync(int? id)
    {
        Id = id;
        Countermeasure? c = null;
        if (id is not null && (c = await Db.Countermeasures.Include(x => x.Issues).SingleOrDefaultAsync(x => x.Id == id)) is null) return (NotFound(), null);
        if (await ResolveForEditAsync(c?.MunicipalityCode) is { } stop) return (stop, null);
        Choices = await PdcaChoices.LoadAsync(Db, Choice.Code);
        return (null, c);
    }
}
