using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Pdca;

/// <summary>Records one Plan step ①〜⑥ of a 年度: done, a note and links to its evidence. Creates the year on first save.</summary>
[StaffOnly]
public sealed class PlanStepEditModel(RenkeiDb db, TimeProvider clock) : PdcaPage(db, clock)
{
    public sealed class Input
    {
        public bool Done { get; set; }
        public string? Note { get; set; }
        public string? Evidence { get; set; }
        public long Version { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public int FiscalYear { get; private set; }
    public int Step { get; private set; }

    public async Task<IActionResult> OnGetAsync(int fiscalYear, int step)
    {
        if (await CheckAsync(fiscalYear, step) is { } stop) return stop;
        var existing = (await PdcaYears.FindAsync(Db, Choice.Code, fiscalYear))?.Steps.FirstOrDefault(s => s.Step == step);
        if (existing is not null) Form = new Input { Done = existing.Done, Note = existing.Note, Evidence = existing.Evidence, Version = existing.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int fiscalYear, int step)
    {
        if (await CheckAsync(fiscalYear, step) is { } stop) return stop;
        if (Form.Note?.Trim().Length > 4000) ModelState.AddModelError("Form.Note", "メモは4000文字以内で入力してください。");
        foreach (var error in EvidenceLinks.Validate(Form.Evidence)) ModelState.AddModelError("Form.Evidence", error);
        var evidence = EvidenceLinks.Normalise(Form.Evidence);
        if (evidence?.Length > 4000) ModelState.AddModelError("Form.Evidence", "根拠資料は合わせて4000文字以内にしてください。");
        if (!ModelState.IsValid) return Page();
        var year = await PdcaYears.GetOrCreateAsync(Db, Choice.Code, fiscalYear, Clock.GetUtcNow().UtcDateTime);
        var entity = year.Steps.FirstOrDefault(s => s.Step == step);
        if (entity is null) year.Steps.Add(entity = new PdcaPlanStep { MunicipalityCode = Choice.Code, Step = step });
        else Db.Entry(entity).Property(e => e.Version).OriginalValue = Form.Version;
        entity.Done = Form.Done;
        entity.Note = string.IsNullOrWhiteSpace(Form.Note) ? null : Form.Note.Trim();
        entity.Evidence = evidence;
        try
        {
            await Db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", Concurrency.Message);
            return Page();
        }
        TempData["Message"] = $"{PdcaNames.PlanStepName(step)}を保存しました。";
        return Redirect($"/pdca/{fiscalYear}?muni={Choice.Code}#plan");
    }

    private async Task<IActionResult?> CheckAsync(int fiscalYear, int step)
    {
        if (await ResolveForEditAsync() is { } stop) return stop;
        if (step < 1 || step > PdcaNames.PlanSteps.Length || fiscalYear < 2000 || fiscalYear > CurrentYear + 1) return NotFound();
        (FiscalYear, Step) = (fiscalYear, step);
        return null;
    }
}
