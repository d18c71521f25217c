using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Pdca;

/// <summary>Register a new issue (no id) or edit one; program staff with write scope; optimistic concurrency.</summary>
[StaffOnly]
public sealed class IssueEditModel(RenkeiDb db, TimeProvider clock) : PdcaPage(db, clock)
{
    public sealed class Input
    {
        public int FiscalYear { get; set; }
        public string? Statement { get; set; }
        public string? Evidence { get; set; }
        public List<Scenes> Scenes { get; set; } = [];
        public List<ProgramItem> Items { get; set; } = [];
        public IssuePriority Priority { get; set; } = IssuePriority.Medium;
        public IssueSource Source { get; set; } = IssueSource.Meeting;
        public int? MeetingId { get; set; }
        public WorkStatus Status { get; set; }
        public long Version { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public int? Id { get; private set; }
    public Dictionary<int, string> Meetings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        var (stop, issue) = await LoadAsync(id);
        if (stop is not null) return stop;
        Form = issue is null ? new Input { FiscalYear = CurrentYear } : new Input
        {
            FiscalYear = issue.FiscalYear, Statement = issue.Statement, Evidence = issue.Evidence,
            Scenes = [.. PdcaNames.AllScenes.Where(s => issue.Scenes.HasFlag(s))], Items = [.. PdcaNames.FromBits(issue.Items)],
            Priority = issue.Priority, Source = issue.Source, MeetingId = issue.MeetingId, Status = issue.Status, Version = issue.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        var (stop, issue) = await LoadAsync(id);
        if (stop is not null) return stop;
        Validate();
        if (!ModelState.IsValid) return Page();
        issue ??= Db.ProgramIssues.Add(new ProgramIssue { MunicipalityCode = Choice.Code, Statement = "" }).Entity;
        // The version the user saw: if someone saved since, EF's UPDATE matches no row and throws.
        if (id is not null) Db.Entry(issue).Property(e => e.Version).OriginalValue = Form.Version;
        issue.FiscalYear = Form.FiscalYear;
        issue.Statement = Form.Statement!.Trim();
        issue.Evidence = string.IsNullOrWhiteSpace(Form.Evidence) ? null : Form.Evidence.Trim();
        issue.Scenes = Form.Scenes.Aggregate(Scenes.None, (all, s) => all | s);
        issue.Items = PdcaNames.ToBits(Form.Items);
        (issue.Priority, issue.Source, issue.MeetingId, issue.Status) = (Form.Priority, Form.Source, Form.MeetingId, Form.Status);
        issue.UpdatedAtUtc = Clock.GetUtcNow().UtcDateTime;
        issue.UpdatedBy = User.Identity?.Name;
        try
        {
            await Db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", Concurrency.Message);
            return Page();
        }
        TempData["Message"] = id is null ? "課題を登録しました。" : "課題を保存しました。";
        return Redirect($"/pdca/issues/{issue.Id}");
    }

    /// <summary>Deletes the issue; its links to goals and countermeasures go with it (those stay).</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var (stop, issue) = await LoadAsync(id);
        if (stop is not null) return stop;
        // Loaded so the audit records the links that go with the issue.
        await Db.Set<GoalIssue>().Where(l => l.IssueId == id).LoadAsync();
        await Db.Set<CountermeasureIssue>().Where(l => l.IssueId == id).LoadAsync();
        var q = "?muni=" + Uri.EscapeDataString(Choice.Code);
        return await DeleteAsync(issue!, Form.Version, $"課題「{issue!.Statement}」を削除しました。", $"/pdca/issues/edit/{id}{q}", "/pdca/issues" + q);
    }

    private void Validate()
    {
        if (string.IsNullOrWhiteSpace(Form.Statement)) ModelState.AddModelError("Form.Statement", "課題を入力してください。");
        else if (Form.Statement.Trim().Length > 1000) ModelState.AddModelError("Form.Statement", "課題は1000文字以内で入力してください。");
        if (Form.Evidence?.Trim().Length > 4000) ModelState.AddModelError("Form.Evidence", "根拠は4000文字以内で入力してください。");
        if (Form.FiscalYear < 2000 || Form.FiscalYear > CurrentYear + 1) ModelState.AddModelError("Form.FiscalYear", "年度を一覧から選んでください。");
        if (Form.Scenes.Any(s => !PdcaNames.AllScenes.Contains(s))) ModelState.AddModelError("Form.Scenes", "場面は一覧から選んでください。");
        if (Form.Items.Any(i => !Enum.IsDefined(i))) ModelState.AddModelError("Form.Items", "事業項目は一覧から選んでください。");
        if (!Enum.IsDefined(Form.Priority)) ModelState.AddModelError("Form.Priority", "優先度を選んでください。");
        if (!Enum.IsDefined(Form.Source)) ModelState.AddModelError("Form.Source", "出所を選んでください。");
        if (!Enum.IsDefined(Form.Status)) ModelState.AddModelError("Form.Status", "状況を選んでください。");
        if (Form.MeetingId is { } m && !Meetings.ContainsKey(m)) ModelState.AddModelError("Form.MeetingId", "会議は一覧から選んでください。");
    }

    private async Task<(IActionResult? Stop, ProgramIssue? Issue)> LoadAsync(int? id)
    {
        Id = id;
        ProgramIssue? issue = null;
        if (id is not null && (issue = await Db.ProgramIssues.SingleOrDefaultAsync(i => i.Id == id)) is null) return (NotFound(), null);
        if (await ResolveForEditAsync(issue?.MunicipalityCode) is { } stop) return (stop, null);
        Meetings = await MeetingLabelsAsync();
        return (null, issue);
    }
}
