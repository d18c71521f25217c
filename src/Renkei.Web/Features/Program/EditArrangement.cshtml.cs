using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Organisations;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Web;

namespace Renkei.Web.Features.Program;

/// <summary>Edit how a municipality runs one item. Writers of that municipality only; optimistic concurrency.</summary>
public sealed class EditArrangementModel(RenkeiDb db, TimeProvider clock) : PageModel
{
    public sealed class Input
    {
        public DeliveryMethod Method { get; set; }
        public int? ContractorOrganisationId { get; set; }
        [StringLength(100, ErrorMessage = "担当部署は100文字以内で入力してください。")]
        public string? Department { get; set; }
        [StringLength(200, ErrorMessage = "連絡先は200文字以内で入力してください。")]
        public string? Contact { get; set; }
        [StringLength(2000, ErrorMessage = "備考は2000文字以内で入力してください。")]
        public string? Notes { get; set; }
        public long Version { get; set; }
    }

    [BindProperty] public Input Form { get; set; } = new();
    public Municipality Municipality { get; private set; } = null!;
    public ProgramItem Item { get; private set; }
    public List<Organisation> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, string item)
    {
        if (await Load(code, item) is { } stop) return stop;
        var existing = await db.ItemArrangements.AsNoTracking().SingleOrDefaultAsync(a => a.MunicipalityCode == code && a.Item == Item);
        if (existing is not null)
        {
            Form = new Input { Method = existing.Method, ContractorOrganisationId = existing.ContractorOrganisationId, Department = existing.Department, Contact = existing.Contact, Notes = existing.Notes, Version = existing.Version };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string item)
    {
        if (await Load(code, item) is { } stop) return stop;
        if (Form.Method is DeliveryMethod.Commissioned or DeliveryMethod.Partly && Form.ContractorOrganisationId is null)
            ModelState.AddModelError("Form.ContractorOrganisationId", "委託の場合は委託先を選んでください。");
        if (Form.ContractorOrganisationId is { } cid && Candidates.All(c => c.Id != cid))
            ModelState.AddModelError("Form.ContractorOrganisationId", "委託先は一覧から選んでください。");
        if (!ModelState.IsValid) return Page();

        var entity = await db.ItemArrangements.SingleOrDefaultAsync(a => a.MunicipalityCode == code && a.Item == Item);
        if (entity is null)
        {
            entity = db.ItemArrangements.Add(new ItemArrangement { MunicipalityCode = code, Item = Item }).Entity;
        }
        else
        {
            // The version the user saw: if someone saved since, EF's UPDATE matches no row and throws.
            db.Entry(entity).Property(e => e.Version).OriginalValue = Form.Version;
        }
        entity.Method = Form.Method;
        entity.ContractorOrganisationId = Form.Method == DeliveryMethod.Direct ? null : Form.ContractorOrganisationId;
        entity.Department = Form.Department?.Trim();
        entity.Contact = Form.Contact?.Trim();
        entity.Notes = Form.Notes?.Trim();
        entity.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        entity.UpdatedBy = User.Identity?.Name;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || Concurrency.IsDuplicateKey(e))
        {
            ModelState.AddModelError("", Concurrency.Message);
            return Page();
        }
        TempData["Message"] = $"{Item.Label()} の実施体制を保存しました。";
        return Redirect($"/municipalities/{code}");
    }

    private async Task<IActionResult?> Load(string code, string item)
    {
        var parsed = ProgramItems.All.Where(i => i.Slug() == item).ToList();
        if (parsed.Count != 1) return NotFound();
        Item = parsed[0];
        if (await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Code == code) is not { } m) return NotFound();
        if (!db.Scope.CanWrite(code)) return Forbid();
        Municipality = m;
        Candidates = await db.Organisations.AsNoTracking()
            .Where(o => o.MunicipalityCode == code || (o.MunicipalityCode == null && o.PrefectureCode == m.PrefectureCode))
            .OrderBy(o => o.Kind).ThenBy(o => o.Name).ToListAsync();
        return null;
    }
}
