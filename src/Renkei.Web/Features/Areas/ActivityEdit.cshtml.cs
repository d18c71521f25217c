using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Areas;

/// <summary>Records what a health centre did in the area in one 年度 (seed 004 （ク）-2 lists examples, offered as suggestions).</summary>
public sealed class ActivityEditModel(RenkeiDb db, TimeProvider clock) : AreaPage(db, clock)
{
    [BindProperty(SupportsGet = true, Name = "year")] public int? FiscalYear { get; set; }
    [BindProperty] public int? OrganisationId { get; set; }
    [BindProperty] public ProgramItem? Item { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public DateOnly? HeldOn { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public long Version { get; set; }

    public int? Id { get; private set; }
    public Dictionary<int, string> HealthCentres { get; private set; } = [];
    private HealthCentreActivity? _activity;

    /// <summary>Five 年度 back and the next one; an older record keeps its own 年度.</summary>
    public IEnumerable<int> YearChoices => Enumerable.Range(CurrentYear - 5, 7).Reverse();
    // The list, and the year of the activity being edited (which may be older); never a posted year outside both.
    public IEnumerable<int> YearOptions => YearChoices.Append(_activity?.FiscalYear ?? CurrentYear).Distinct().OrderDescending();

    public async Task<IActionResult> OnGetAsync(string areaCode, int? id, CancellationToken ct)
    {
        if (await LoadAsync(areaCode, id, ct) is { } stop) return stop;
        if (_activity is { } a)
            (FiscalYear, OrganisationId, Item, Title, HeldOn, Description, Version) = (a.FiscalYear, a.OrganisationId, a.Item, a.Title, a.HeldOn, a.Description, a.Version);
        else
        {
            FiscalYear = FiscalYear is { } y && YearChoices.Contains(y) ? y : CurrentYear;
            // A health centre's staff record their own centre's work.
            OrganisationId = User.GetOrganisationId() is { } org && HealthCentres.ContainsKey(org) ? org : null;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string areaCode, int? id, CancellationToken ct)
    {
        if (await LoadAsync(areaCode, id, ct) is { } stop) return stop;
        var yearChosen = FiscalYear is { } year && (YearChoices.Contains(year) || year == _activity?.FiscalYear);
        if (!yearChosen) ModelState.AddModelError("year", "年度を一覧から選んでください。");
        if (OrganisationId is { } org && !HealthCentres.ContainsKey(org)) ModelState.AddModelError(nameof(OrganisationId), "保健所を一覧から選んでください。");
        if (Item is { } item && !Enum.IsDefined(item)) ModelState.AddModelError(nameof(Item), "事業項目を一覧から選んでください。");
        CheckLength(nameof(Title), "取組", Title, 200, required: true);
        CheckDate(nameof(HeldOn), "実施日", HeldOn, required: false);
        // Only against a year from the list: an arbitrary posted year (99999) is not a 年度 whose days can be built.
        if (yearChosen && HeldOn is { } d && FiscalYear is { } fy && !new FiscalYear(fy).Contains(d))
            ModelState.AddModelError(nameof(HeldOn), $"実施日は{Wareki.FormatFiscalYear(fy)}（{Wareki.FormatDate(new FiscalYear(fy).FirstDay)}〜{Wareki.FormatDate(new FiscalYear(fy).LastDay)}）の日付で入力してください。");
        CheckLength(nameof(Description), "内容", Description, 4000);
        if (!ModelState.IsValid) return Page();

        var activity = _activity ?? Db.HealthCentreActivities.Add(new HealthCentreActivity { PrefectureCode = Area.PrefectureCode, SecondaryAreaCode = Area.Code, Title = "" }).Entity;
        if (id is not null) Db.Entry(activity).Property(a => a.Version).OriginalValue = Version;
        (activity.FiscalYear, activity.OrganisationId, activity.Item, activity.HeldOn) = (FiscalYear!.Value, OrganisationId, Item, HeldOn);
        activity.Title = Title!.Trim();
        activity.Description = AreaText.Clean(Description);
        activity.UpdatedAtUtc = Clock.GetUtcNow().UtcDateTime;
        activity.UpdatedBy = User.Identity?.Name;
        if (!await TrySaveAsync(ct)) return Page();
        TempData["Message"] = $"保健所の取組「{activity.Title}」（{Wareki.FormatFiscalYear(activity.FiscalYear)}）を保存しました。";
        return Redirect($"{AreaUrl}?year={activity.FiscalYear}#activities-title");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string areaCode, int id, CancellationToken ct)
    {
        if (await LoadAsync(areaCode, id, ct) is { } stop) return stop;
        return await DeleteAsync(_activity!, Version, $"保健所の取組「{_activity!.Title}」を削除しました。", $"{AreaUrl}/activities/edit/{id}", ct);
    }

    private async Task<IActionResult?> LoadAsync(string areaCode, int? id, CancellationToken ct)
    {
        if (await LoadForEditAsync(areaCode, ct) is { } stop) return stop;
        Id = id;
        if (id is not null && (_activity = await Db.HealthCentreActivities.SingleOrDefaultAsync(a => a.Id == id && a.SecondaryAreaCode == areaCode, ct)) is null) return NotFound();
        HealthCentres = await AreaPlaces.HealthCentresAsync(Db, Area.PrefectureCode, ct);
        return null;
    }
}
