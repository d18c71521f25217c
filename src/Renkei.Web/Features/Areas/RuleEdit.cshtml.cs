using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Pdca;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Areas;

/// <summary>Registers a common rule or form of the area, or edits one; prefecture and health-centre staff; optimistic concurrency.</summary>
public sealed class RuleEditModel(RenkeiDb db, TimeProvider clock) : AreaPage(db, clock)
{
    public sealed class Input
    {
        public AreaRuleKind Kind { get; set; } = AreaRuleKind.Rule;
        public string? Title { get; set; }
        public List<Scenes> Scenes { get; set; } = [];
        public string? Description { get; set; }
        public long Version { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(string areaCode, int? id, CancellationToken ct)
    {
        var (stop, rule) = await LoadAsync(areaCode, id, ct);
        if (stop is not null) return stop;
        if (rule is not null)
        {
            Form = new Input
            {
                Kind = rule.Kind, Title = rule.Title, Description = rule.Description, Version = rule.Version,
                Scenes = [.. PdcaNames.AllScenes.Where(s => rule.Scenes.HasFlag(s))],
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string areaCode, int? id, CancellationToken ct)
    {
        var (stop, rule) = await LoadAsync(areaCode, id, ct);
        if (stop is not null) return stop;
        if (!Enum.IsDefined(Form.Kind)) ModelState.AddModelError("Form.Kind", "種類（ルール／様式）を選んでください。");
        CheckLength("Form.Title", "名称", Form.Title, 200, required: true);
        CheckLength("Form.Description", "説明", Form.Description, 4000);
        if (Form.Scenes.Any(s => !PdcaNames.AllScenes.Contains(s))) ModelState.AddModelError("Form.Scenes", "場面は一覧から選んでください。");
        if (!ModelState.IsValid) return Page();

        rule ??= Db.AreaRules.Add(new AreaRule { PrefectureCode = Area.PrefectureCode, SecondaryAreaCode = Area.Code, Title = "" }).Entity;
        // The version the user saw: if someone saved since, the UPDATE matches no row and the save is refused.
        if (id is not null) Db.Entry(rule).Property(r => r.Version).OriginalValue = Form.Version;
        rule.Kind = Form.Kind;
        rule.Title = Form.Title!.Trim();
        rule.Scenes = Form.Scenes.Aggregate(Scenes.None, (all, s) => all | s);
        rule.Description = AreaText.Clean(Form.Description);
        rule.UpdatedAtUtc = Clock.GetUtcNow().UtcDateTime;
        rule.UpdatedBy = User.Identity?.Name;
        if (!await TrySaveAsync(ct)) return Page();
        TempData["Message"] = id is null
            ? $"{rule.Kind.Japanese()}「{rule.Title}」を登録しました。続けて第1版を登録してください。"
            : $"{rule.Kind.Japanese()}「{rule.Title}」を保存しました。";
        return Redirect(id is null ? $"{AreaUrl}/rules/{rule.Id}/versions/edit" : $"{AreaUrl}#rule-{rule.Id}");
    }

    private async Task<(IActionResult? Stop, AreaRule? Rule)> LoadAsync(string areaCode, int? id, CancellationToken ct)
    {
        if (await LoadForEditAsync(areaCode, ct) is { } stop) return (stop, null);
        Id = id;
        if (id is null) return (null, null);
        var rule = await Db.AreaRules.SingleOrDefaultAsync(r => r.Id == id && r.SecondaryAreaCode == areaCode, ct);
        return rule is null ? (NotFound(), null) : (null, rule);
    }
}
