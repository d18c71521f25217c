using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Pdca;

/// <summary>Create or edit a goal: a scene's 理想像 (at most one per scene) or a short-term goal of a 年度 linked to issues.</summary>
[StaffOnly]
public sealed class GoalEditModel(RenkeiDb db, TimeProvider clock) : PdcaPage(db, clock)
{
    public sealed class Input
    {
        public GoalKind Kind { get; set; } = GoalKind.ShortTerm;
        public Scenes Scene { get; set; } = Scenes.DailyCare;
        public string? Statement { get; set; }
        public int? FiscalYear { get; set; }
        public List<int> IssueIds { get; set; } = [];
        public long Version { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public int? Id { get; private set; }
    public PdcaChoices Choices { get; private set; } = null!;
    public (Dictionary<int, string>, List<int>, string) IssueChoices => (Choices.Issues, Form.IssueIds, "Form.IssueIds");

    public async Task<IActionResult> OnGetAsync(int? id, GoalKind? kind, Scenes? scene, int? year)
    {
        var (stop, goal) = await LoadAsync(id);
        if (stop is not null) return stop;
        Form = goal is null
            ? new Input { Kind = kind ?? GoalKind.ShortTerm, Scene = scene ?? Scenes.DailyCare, FiscalYear = year ?? CurrentYear }
            : new Input { Kind = goal.Kind, Scene = goal.Scene, Statement = goal.Statement, FiscalYear = goal.FiscalYear, IssueIds = [.. goal.Issues.Select(l => l.IssueId)], Version = goal.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        var (stop, goal) = await LoadAsync(id);
        if (stop is not null) return stop;
        if (goal is not null) Form.Kind = goal.Kind; // an ideal stays an ideal
        await ValidateAsync(id);
        if (!ModelState.IsValid) return Page();
        goal ??= Db.Goals.Add(new Goal { MunicipalityCode = Choice.Code, Kind = Form.Kind, Statement = "" }).Entity;
        if (id is not null) Db.Entry(goal).Property(e => e.Version).OriginalValue = Form.Version;
        goal.Scene = Form.Scene;
        goal.Statement = Form.Statement!.Trim();
        goal.FiscalYear = goal.Kind == GoalKind.Ideal ? null : Form.FiscalYear;
        goal.UpdatedAtUtc = Clock.GetUtcNow().UtcDateTime;
        // The ideal is long-term and answers the whole scene, not single issues.
        var issueIds = goal.Kind == GoalKind.Ideal ? [] : Form.IssueIds.Distinct().ToList();
        goal.Issues.RemoveAll(l => !issueIds.Contains(l.IssueId));
        foreach (var issueId in issueIds.Where(i => goal.Issues.All(l => l.IssueId != i)))
            goal.Issues.Add(new GoalIssue { IssueId = issueId, MunicipalityCode = Choice.Code });
        try
        {
            await Db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", Concurrency.Message);
            return Page();
        }
        TempData["Message"] = "目標を保存しました。";
        return Redirect($"/pdca/goals?muni={Choice.Code}" + (goal.FiscalYear is { } y ? $"&Year={y}" : ""));
    }

    private async Task ValidateAsync(int? id)
    {
        if (string.IsNullOrWhiteSpace(Form.Statement)) ModelState.AddModelError("Form.Statement", "目標を入力してください。");
        else if (Form.Statement.Trim().Length > 1000) ModelState.AddModelError("Form.Statement", "目標は1000文字以内で入力してください。");
        if (!PdcaNames.AllScenes.Contains(Form.Scene)) ModelState.AddModelError("Form.Scene", "場面を一つ選んでください。");
        if (!Enum.IsDefined(Form.Kind)) ModelState.AddModelError("Form.Kind", "目標の種類を選んでください。");
        if (Form.Kind == GoalKind.ShortTerm && (Form.FiscalYear is not { } y || y < 2000 || y > CurrentYear + 1))
            ModelState.AddModelError("Form.FiscalYear", "短期目標の年度を選んでください。");
        if (Form.IssueIds.Any(i => !Choices.Issues.ContainsKey(i))) ModelState.AddModelError("Form.IssueIds", "課題は一覧から選んでください。");
        if (Form.Kind == GoalKind.Ideal && await Db.Goals.AnyAsync(g => g.MunicipalityCode == Choice.Code && g.Kind == GoalKind.Ideal && g.Scene == Form.Scene && g.Id != id))
            ModelState.AddModelError("Form.Scene", $"{Form.Scene.Japanese()}の理想像はすでに登録されています。登録済みの理想像を編集してください。");
    }

    private async Task<(IActionResult? Stop, Goal? Goal)> LoadAsync(int? id)
    {
        Id = id;
        Goal? goal = null;
        if (id is not null && (goal = await Db.Goals.Include(g => g.Issues).SingleOrDefaultAsync(g => g.Id == id)) is null) return (NotFound(), null);
        if (await ResolveForEditAsync(goal?.MunicipalityCode) is { } stop) return (stop, null);
        Choices = await PdcaChoices.LoadAsync(Db, Choice.Code);
        return (null, goal);
    }
}
