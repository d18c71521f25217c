using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Councils;

/// <summary>Registers a council or working group (name, kind, parent council, purpose) or changes one.</summary>
[StaffOnly]
public sealed class EditCouncilModel(RenkeiDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Muni { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public CouncilKind Kind { get; set; } = CouncilKind.Council;
    [BindProperty] public int? ParentId { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public long Version { get; set; }

    public int? Id { get; private set; }
    public string MunicipalityName { get; private set; } = "";
    public List<(int Id, string Name)> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (await Load(id, ct) is { } stop) return stop;
        if (id is not null)
        {
            var c = await db.Councils.AsNoTracking().SingleAsync(x => x.Id == id, ct);
            (Name, Kind, ParentId, Purpose, Version) = (c.Name, c.Kind, c.ParentId, c.Purpose, c.Version);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (await Load(id, ct) is { } stop) return stop;
        Name = Name?.Trim();
        Purpose = string.IsNullOrWhiteSpace(Purpose) ? null : Purpose.Trim();
        if (string.IsNullOrEmpty(Name)) ModelState.AddModelError(nameof(Name), "名称を入力してください。");
        else if (Name.Length > 200) ModelState.AddModelError(nameof(Name), "名称は200文字以内で入力してください。");
        if (Purpose?.Length > 2000) ModelState.AddModelError(nameof(Purpose), "目的・所掌事項は2000文字以内で入力してください。");
        if (!Enum.IsDefined(Kind)) ModelState.AddModelError(nameof(Kind), "種別を選んでください。");
        if (Kind == CouncilKind.WorkingGroup && (ParentId is null || !Parents.Any(p => p.Id == ParentId)))
            ModelState.AddModelError(nameof(ParentId), "部会・ワーキンググループは、設置する協議会を選んでください。");
        if (Kind == CouncilKind.Council) ParentId = null;
        if (Kind == CouncilKind.WorkingGroup && id is not null && await db.Councils.AnyAsync(c => c.ParentId == id, ct))
            ModelState.AddModelError(nameof(Kind), "部会が置かれている協議会は、部会・ワーキンググループに変更できません。");
        if (!ModelState.IsValid) return Page();

        var council = id is null
            ? db.Councils.Add(new Council { MunicipalityCode = Muni!, Name = Name! }).Entity
            : await db.Councils.SingleAsync(c => c.Id == id, ct);
        if (id is not null) db.Entry(council).Property(c => c.Version).OriginalValue = Version;
        council.Name = Name!;
        council.Kind = Kind;
        council.ParentId = ParentId;
        council.Purpose = Purpose;
        council.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", Concurrency.Message);
            return Page();
        }
        TempData["Message"] = $"「{council.Name}」を保存しました。";
        return Redirect($"/councils/{council.Id}");
    }

    private async Task<IActionResult?> Load(int? id, CancellationToken ct)
    {
        if (id is not null)
        {
            var (council, right) = await CouncilAccess.FindAsync(db, User, id.Value, ct);
            if (council is null) return NotFound();
            if (right != CouncilRight.Write) return Forbid();
            Muni = council.MunicipalityCode;
            Id = id;
        }
        if (Muni is null || !db.Scope.CanWrite(Muni)) return Forbid();
        if (await db.Municipalities.AsNoTracking().Where(m => m.Code == Muni).Select(m => m.Name).SingleOrDefaultAsync(ct) is not { } name) return NotFound();
        MunicipalityName = name;
        var muni = Muni;
        Parents = [.. (await db.Councils.AsNoTracking().Where(c => c.MunicipalityCode == muni && c.Kind == CouncilKind.Council && c.Id != id)
            .OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name))];
        return null;
    }
}
