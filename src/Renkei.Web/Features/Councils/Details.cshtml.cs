using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;
using Renkei.Web.Platform.Web;

namespace Renkei.Web.Features.Councils;

/// <summary>
/// One council: its members (with ended terms flagged and counts by profession group), its working groups
/// and its meetings. Staff of the municipality add, change and remove members here; readers and member
/// organisations see the same page without the buttons.
/// </summary>
public sealed class DetailsModel(RenkeiDb db, TimeProvider clock) : PageModel
{
    public sealed record MeetingRow(int Id, DateOnly HeldOn, string Title, AttendanceBalance Balance, int Attachments);

    public Council Council { get; private set; } = null!;
    public CouncilRight Right { get; private set; }
    public string? ParentName { get; private set; }
    public List<(int Id, string Name)> WorkingGroups { get; private set; } = [];
    public List<CouncilMember> Members { get; private set; } = [];
    public AttendanceBalance MemberBalance { get; private set; } = AttendanceBalance.Of([]);
    public List<MeetingRow> Meetings { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Empty;
    public DateOnly Today { get; private set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public bool CanEdit => Right == CouncilRight.Write;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (council, right) = await CouncilAccess.FindAsync(db, User, id, ct);
        if (council is null) return NotFound();
        (Council, Right, Today) = (council, right, JapanTime.TodayJst(clock));
        // Children are read by council id past the tenant filter: the council itself was allowed just above.
        ParentName = council.ParentId is { } pid ? await db.Councils.IgnoreQueryFilters().Where(c => c.Id == pid).Select(c => c.Name).SingleOrDefaultAsync(ct) : null;
        WorkingGroups = [.. (await db.Councils.IgnoreQueryFilters().AsNoTracking().Where(c => c.ParentId == id).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name))];
        var members = await db.CouncilMembers.IgnoreQueryFilters().AsNoTracking().Where(m => m.CouncilId == id).ToListAsync(ct);
        Members = [.. members.OrderBy(m => m.Profession.Group()).ThenBy(m => m.Profession).ThenBy(m => m.Id)];
        MemberBalance = AttendanceBalance.Of(Members.Where(m => !m.TermEnded(Today)).Select(m => m.Profession));

        var meetings = db.Meetings.IgnoreQueryFilters().AsNoTracking().Where(m => m.CouncilId == id);
        Paging = new Paging(PageNumber, await meetings.CountAsync(ct), page => $"/councils/{id}?p={page}");
        var page = await meetings.OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).Skip(Paging.Skip).Take(Paging.PageSize)
            .Select(m => new { m.Id, m.HeldOn, m.Title, Professions = m.Attendance.Select(a => a.Profession).ToList(),
                Attachments = db.Attachments.IgnoreQueryFilters().Count(a => a.OwnerType == MeetingModel.OwnerType && a.OwnerId == m.Id) })
            .ToListAsync(ct);
        Meetings = [.. page.Select(m => new MeetingRow(m.Id, m.HeldOn, m.Title, AttendanceBalance.Of(m.Professions), m.Attachments))];
        return Page();
    }

    /// <summary>
    /// Removes a member. Their past attendance keeps the profession and, as the guest name, who they were,
    /// so old minutes still show the balance and the names.
    /// </summary>
    public async Task<IActionResult> OnPostRemoveMemberAsync(int id, int member, CancellationToken ct)
    {
        var (council, right) = await CouncilAccess.FindAsync(db, User, id, ct);
        if (council is null) return NotFound();
        if (right != CouncilRight.Write) return Forbid();
        if (await db.CouncilMembers.SingleOrDefaultAsync(m => m.Id == member && m.CouncilId == id, ct) is not { } m) return NotFound();
        foreach (var a in await db.MeetingAttendance.Where(a => a.MemberId == m.Id).ToListAsync(ct))
        {
            a.MemberId = null;
            a.GuestName = m.Label().Length > 100 ? m.Label()[..100] : m.Label();
        }
        db.CouncilMembers.Remove(m);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"委員「{m.Label()}」を名簿から外しました（過去の出席記録には残ります）。";
        return Redirect($"/councils/{id}");
    }
}
