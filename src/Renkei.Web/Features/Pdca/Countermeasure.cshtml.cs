using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Pdca;

/// <summary>One countermeasure: its linked issues and its evaluation per 年度 (Check), which writers record here.</summary>
public sealed class CountermeasureModel(RenkeiDb db, TimeProvider clock) : PdcaPage(db, clock)
{
    public sealed class EvaluationInput
    {
        public int FiscalYear { get; set; }
        public EvaluationGrade Achievement { get; set; }
        public string? Text { get; set; }
        public long Version { get; set; }
    }

    [BindProperty] public EvaluationInput Evaluation { get; set; } = new();
    public Countermeasure Item { get; private set; } = null!;
    public List<ProgramIssue> Issues { get; private set; } = [];
    public string? OrganisationName { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? year)
    {
        if (await LoadAsync(id) is { } stop) return stop;
        var y = year ?? CurrentYear;
        var existing = Item.Evaluations.SingleOrDefault(e => e.FiscalYear == y);
        Evaluation = new EvaluationInput { FiscalYear = y, Achievement = existing?.Achievement ?? EvaluationGrade.NotEvaluated, Text = existing?.Text, Version = existing?.Version ?? 0 };
        return Page();
    }

    /// <summary>Records or changes the evaluation of one 年度 (one per countermeasure and year); program staff who may write only.</summary>
    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } stop) return stop;
        if (!CanEdit) return Forbid();
        if (Evaluation.FiscalYear < 2000 || Evaluation.FiscalYear > CurrentYear + 1) ModelState.AddModelError("Evaluation.FiscalYear", "年度を一覧から選んでください。");
        if (!Enum.IsDefined(Evaluation.Achievement)) ModelState.AddModelError("Evaluation.Achievement", "達成状況を選んでください。");
        if (Evaluation.Text?.Trim().Length > 4000) ModelState.AddModelError("Evaluation.Text", "評価は4000文字以内で入力してください。");
        if (!ModelState.IsValid) return Page();
        var entity = await Db.CountermeasureEvaluations.SingleOrDefaultAsync(e => e.CountermeasureId == id && e.FiscalYear == Evaluation.FiscalYear);
        if (entity is null)
            entity = Db.CountermeasureEvaluations.Add(new CountermeasureEvaluation { CountermeasureId = id, MunicipalityCode = Item.MunicipalityCode, FiscalYear = Evaluation.FiscalYear }).Entity;
        else
            Db.Entry(entity).Property(e => e.Version).OriginalValue = Evaluation.Version;
        entity.Achievement = Evaluation.Achievement;
        entity.Text = string.IsNullOrWhiteSpace(Evaluation.Text) ? null : Evaluation.Text.Trim();
        try
        {
            await Db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || Concurrency.IsDuplicateKey(e))
        {
            ModelState.AddModelError("", Concurrency.Message);
            return Page();
        }
        TempData["Message"] = $"{Platform.Time.Wareki.FormatFiscalYear(Evaluation.FiscalYear)}の評価を保存しました。";
        return Redirect($"/pdca/countermeasures/{id}?year={Evaluation.FiscalYear}");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        if (await Db.Countermeasures.AsNoTracking().Include(c => c.Issues).Include(c => c.Evaluations).SingleOrDefaultAsync(c => c.Id == id) is not { } c) return NotFound();
        if (await ResolveAsync(c.MunicipalityCode) is { } stop) return stop;
        Item = c;
        var ids = c.Issues.Select(l => l.IssueId).ToList();
        Issues = await Db.ProgramIssues.AsNoTracking().Where(i => ids.Contains(i.Id)).OrderBy(i => i.Id).ToListAsync();
        if (c.OwnerOrganisationId is { } o) OrganisationName = await Db.Organisations.Where(x => x.Id == o).Select(x => x.Name).SingleOrDefaultAsync();
        return null;
    }
}
