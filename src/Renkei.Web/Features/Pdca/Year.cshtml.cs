using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Pdca;

/// <summary>
/// One 年度 of the cycle: Plan ①〜⑥ (checklist with evidence), Do (countermeasures scheduled in the year),
/// Check (their evaluations; indicators come from the indicators module) and Act (decisions, carried into next year).
/// </summary>
public sealed class YearModel(RenkeiDb db, TimeProvider clock) : PdcaPage(db, clock)
{
    [BindProperty] public string? DecisionText { get; set; }
    [BindProperty] public int? DecisionMeetingId { get; set; }

    public int FiscalYear { get; private set; }
    public PdcaYear? Year { get; private set; }
    public int? CarriedFromYear { get; private set; }
    /// <summary>This year's decisions already copied into a later year, by decision id.</summary>
    public Dictionary<int, int> CarriedOnto { get; private set; } = [];
    /// <summary>The 年度 each carried-in decision came from, by source decision id.</summary>
    public Dictionary<int, int> CarriedFrom { get; private set; } = [];
    public List<Countermeasure> Doing { get; private set; } = [];
    public List<(CountermeasureEvaluation Evaluation, string Title)> Evaluations { get; private set; } = [];
    public Dictionary<int, string> Meetings { get; private set; } = [];
    public bool NextYearCarried { get; private set; }

    public async Task<IActionResult> OnGetAsync(int fiscalYear) => await LoadAsync(fiscalYear) ?? Page();

    public async Task<IActionResult> OnPostDecisionAsync(int fiscalYear)
    {
        if (await LoadAsync(fiscalYear) is { } stop) return stop;
        if (!CanEdit) return Forbid();
        if (string.IsNullOrWhiteSpace(DecisionText)) ModelState.AddModelError(nameof(DecisionText), "決定事項を入力してください。");
        else if (DecisionText.Trim().Length > 2000) ModelState.AddModelError(nameof(DecisionText), "決定事項は2000文字以内で入力してください。");
        if (DecisionMeetingId is { } m && !Meetings.ContainsKey(m)) ModelState.AddModelError(nameof(DecisionMeetingId), "会議は一覧から選んでください。");
        if (!ModelState.IsValid) return Page();
        var year = await PdcaYears.GetOrCreateAsync(Db, Choice.Code, fiscalYear, Clock.GetUtcNow().UtcDateTime);
        year.Decisions.Add(new PdcaDecision { MunicipalityCode = Choice.Code, Text = DecisionText!.Trim(), MeetingId = DecisionMeetingId });
        await Db.SaveChangesAsync();
        TempData["Message"] = "決定事項を追加しました。";
        return Redirect($"/pdca/{fiscalYear}?muni={Choice.Code}#act");
    }

    public async Task<IActionResult> OnPostCarryAsync(int fiscalYear)
    {
        if (await LoadAsync(fiscalYear) is { } stop) return stop;
        if (!CanEdit) return Forbid();
        var now = Clock.GetUtcNow().UtcDateTime;
        var year = await PdcaYears.GetOrCreateAsync(Db, Choice.Code, fiscalYear, now);
        var (outcome, count) = await PdcaYears.CarryForwardAsync(Db, year, now);
        var next = Wareki.FormatFiscalYear(fiscalYear + 1);
        TempData["Message"] = outcome == CarryOutcome.AlreadyCarried
            ? $"この年度の決定事項は、すでに{next}の計画に引き継いでいます。"
            : $"{next}の計画に引き継ぎました（決定事項 {count} 件）。";
        return Redirect($"/pdca/{fiscalYear}?muni={Choice.Code}#act");
    }

    private async Task<IActionResult?> LoadAsync(int fiscalYear)
    {
        if (await ResolveAsync() is { } stop) return stop;
        if (fiscalYear < 2000 || fiscalYear > CurrentYear + 1) return NotFound();
        FiscalYear = fiscalYear;
        Year = await Db.PdcaYears.AsNoTracking().Include(y => y.Steps).Include(y => y.Decisions)
            .SingleOrDefaultAsync(y => y.MunicipalityCode == Choice.Code && y.FiscalYear == fiscalYear);
        await LoadHistoryAsync();
        Doing = await Db.Countermeasures.AsNoTracking().Where(c => c.MunicipalityCode == Choice.Code).ActiveIn(new FiscalYear(fiscalYear))
            .OrderBy(c => c.Item).ThenBy(c => c.Id).ToListAsync();
        Evaluations = [.. (await Db.CountermeasureEvaluations.AsNoTracking().Where(e => e.MunicipalityCode == Choice.Code && e.FiscalYear == fiscalYear)
                .Join(Db.Countermeasures, e => e.CountermeasureId, c => c.Id, (e, c) => new { e, c.Title }).OrderBy(x => x.e.CountermeasureId).ToListAsync())
            .Select(x => (x.e, x.Title))];
        Meetings = await MeetingLabelsAsync();
        return null;
    }

    /// <summary>Where this year's plan and decisions came from, and which of its decisions went on to the next year.</summary>
    private async Task LoadHistoryAsync()
    {
        if (Year is null) return;
        if (Year.CarriedFromId is { } from)
            CarriedFromYear = await Db.PdcaYears.Where(y => y.Id == from).Select(y => (int?)y.FiscalYear).SingleOrDefaultAsync();
        var sourceIds = Year.Decisions.Where(d => d.CarriedFromId is not null).Select(d => d.CarriedFromId!.Value).ToList();
        CarriedFrom = (await Db.Set<PdcaDecision>().AsNoTracking().Where(d => sourceIds.Contains(d.Id))
                .Join(Db.PdcaYears, d => d.PdcaYearId, y => y.Id, (d, y) => new { d.Id, y.FiscalYear }).ToListAsync())
            .ToDictionary(x => x.Id, x => x.FiscalYear);
        var ownIds = Year.Decisions.Select(d => d.Id).ToList();
        CarriedOnto = (await Db.Set<PdcaDecision>().AsNoTracking().Where(d => d.CarriedFromId != null && ownIds.Contains(d.CarriedFromId.Value))
                .Join(Db.PdcaYears, d => d.PdcaYearId, y => y.Id, (d, y) => new { From = d.CarriedFromId!.Value, y.FiscalYear }).ToListAsync())
            .GroupBy(x => x.From).ToDictionary(g => g.Key, g => g.Min(x => x.FiscalYear));
        NextYearCarried = await Db.PdcaYears.AnyAsync(y => y.CarriedFromId == Year.Id);
    }
}
