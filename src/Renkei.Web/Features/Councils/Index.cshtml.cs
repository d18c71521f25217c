using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;

namespace Renkei.Web.Features.Councils;

/// <summary>
/// The councils and working groups of one municipality for staff (with the picker for those who read several),
/// and, for everyone signed in, the councils their organisation sits on.
/// </summary>
public sealed class IndexModel(RenkeiDb db) : PageModel
{
    public sealed record Row(int Id, string Name, CouncilKind Kind, int? ParentId, string Municipality, int Members, int Meetings, DateOnly? LastMeeting);

    [BindProperty(SupportsGet = true)] public string? Muni { get; set; }
    public MunicipalityChoice? Choice { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public List<Row> MemberOf { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (StaffOnlyAttribute.Allows(User))
        {
            Choice = await MunicipalityChoice.ResolveAsync(db, User, Muni, ct);
            if (Choice is not null)
            {
                var code = Choice.Code;
                Rows = await Select(db.Councils.AsNoTracking().Where(c => c.MunicipalityCode == code), ct);
            }
        }
        if (User.GetOrganisationId() is { } org)
        {
            // Member organisations read no municipality: their councils are found past the tenant filter, by membership only.
            var mine = db.Councils.IgnoreQueryFilters().AsNoTracking()
                .Where(c => db.CouncilMembers.IgnoreQueryFilters().Any(m => m.CouncilId == c.Id && m.OrganisationId == org));
            var shown = Rows.Select(r => r.Id).ToList();
            MemberOf = await Select(mine.Where(c => !shown.Contains(c.Id)), ct);
        }
        return Page();
    }

    // Counts are taken past the filter too: the council itself was already allowed by the caller's query.
    private Task<List<Row>> Select(IQueryable<Council> councils, CancellationToken ct) => councils
        .OrderBy(c => c.ParentId ?? c.Id).ThenBy(c => c.ParentId != null).ThenBy(c => c.Name)
        .Select(c => new Row(c.Id, c.Name, c.Kind, c.ParentId,
            db.Municipalities.Where(m => m.Code == c.MunicipalityCode).Select(m => m.Name).FirstOrDefault() ?? c.MunicipalityCode,
            db.CouncilMembers.IgnoreQueryFilters().Count(m => m.CouncilId == c.Id),
            db.Meetings.IgnoreQueryFilters().Count(m => m.CouncilId == c.Id),
            db.Meetings.IgnoreQueryFilters().Where(m => m.CouncilId == c.Id).Max(m => (DateOnly?)m.HeldOn)))
        .ToListAsync(ct);
}
