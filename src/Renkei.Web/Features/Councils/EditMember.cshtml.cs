using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Councils;

/// <summary>
/// Adds a member to a council or changes one: the body, the person (optional: many 設置要綱 name only the body),
/// profession, role and term. Linking a Renkei organisation lets that organisation's users see the council.
/// </summary>
[StaffOnly]
public sealed class EditMemberModel(RenkeiDb db) : PageModel
{
    [BindProperty] public string? OrganisationName { get; set; }
    [BindProperty] public int? OrganisationId { get; set; }
    [BindProperty] public string? PersonName { get; set; }
    [BindProperty] public Profession Profession { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public DateOnly? TermFrom { get; set; }
    [BindProperty] public DateOnly? TermTo { get; set; }
    [BindProperty] public long Version { get; set; }

    public Council Council { get; private set; } = null!;
    public int? Id { get; private set; }
    /// <summary>Organisations of the council's prefecture that can be linked.</summary>
    public List<(int Id, string Name)> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int councilId, int? id, CancellationToken ct)
    {
        if (await Load(councilId, id, ct) is { } stop) return stop;
        if (id is not null)
        {
            var m = await db.CouncilMembers.AsNoTracking().SingleAsync(x => x.Id == id, ct);
            (OrganisationName, OrganisationId, PersonName, Profession, Role, TermFrom, TermTo, Version) =
                (m.OrganisationName, m.OrganisationId, m.PersonName, m.Profession, m.Role, m.TermFrom, m.TermTo, m.Version);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int councilId, int? id, CancellationToken ct)
    {
        if (await Load(councilId, id, ct) is { } stop) return stop;
        OrganisationName = OrganisationName?.Trim();
        PersonName = Blank(PersonName);
        Role = Blank(Role);
        if (OrganisationId is { } org && !Organisations.Any(o => o.Id == org))
            ModelState.AddModelError(nameof(OrganisationId), "連携する組織を一覧から選んでください。");
        // A linked organisation may stand for the body's name when none was typed.
        if (string.IsNullOrEmpty(OrganisationName) && OrganisationId is { } chosen)
            OrganisationName = Organisations.FirstOrDefault(o => o.Id == chosen).Name;
        if (string.IsNullOrEmpty(OrganisationName)) ModelState.AddModelError(nameof(OrganisationName), "団体・機関名を入力してください。");
        else if (OrganisationName.Length > 200) ModelState.AddModelError(nameof(OrganisationName), "団体・機関名は200文字以内で入力してください。");
        if (PersonName?.Length > 100) ModelState.AddModelError(nameof(PersonName), "氏名は100文字以内で入力してください。");
        if (Role?.Length > 50) ModelState.AddModelError(nameof(Role), "役職は50文字以内で入力してください。");
        if (!Enum.IsDefined(Profession)) ModelState.AddModelError(nameof(Profession), "職種を選んでください。");
        if (TermFrom is { } from && TermTo is { } to && to < from) ModelState.AddModelError(nameof(TermTo), "任期の終わりは任期の始まり以降の日付にしてください。");
        if (!ModelState.IsValid) return Page();

        var member = id is null
            ? db.CouncilMembers.Add(new CouncilMember { CouncilId = councilId, MunicipalityCode = Council.MunicipalityCode, OrganisationName = OrganisationName! }).Entity
            : await db.CouncilMembers.SingleAsync(m => m.Id == id, ct);
        if (id is not null) db.Entry(member).Property(m => m.Version).OriginalValue = Version;
        member.OrganisationName = OrganisationName!;
        member.OrganisationId = OrganisationId;
        member.PersonName = PersonName;
        member.Profession = Profession;
        member.Role = Role;
        member.TermFrom = TermFrom;
        member.TermTo = TermTo;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", Concurrency.Message);
            return Page();
        }
        TempData["Message"] = $"委員「{member.Label()}」を保存しました。";
        return Redirect($"/councils/{councilId}");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task<IActionResult?> Load(int councilId, int? id, CancellationToken ct)
    {
        var (council, right) = await CouncilAccess.FindAsync(db, User, councilId, ct);
        if (council is null) return NotFound();
        if (right != CouncilRight.Write) return Forbid();
        if (id is not null && !await db.CouncilMembers.AnyAsync(m => m.Id == id && m.CouncilId == councilId, ct)) return NotFound();
        (Council, Id) = (council, id);
        var pref = await db.Municipalities.Where(m => m.Code == council.MunicipalityCode).Select(m => m.PrefectureCode).SingleAsync(ct);
        Organisations = [.. (await db.Organisations.AsNoTracking().Where(o => o.PrefectureCode == pref).OrderBy(o => o.Kind).ThenBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name))];
        return null;
    }
}
