using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Councils;

/// <summary>
/// Records a meeting: date, title, agenda, minutes, decisions, and who attended — members ticked from the
/// list, guests typed with their profession, so the balance of professions can be counted.
/// </summary>
[StaffOnly]
public sealed class EditMeetingModel(RenkeiDb db, TimeProvider clock) : PageModel
{
    public const int BlankGuestRows = 3;

    public sealed class Guest
    {
        public string? Name { get; set; }
        public Profession Profession { get; set; }
    }

    [BindProperty] public DateOnly? HeldOn { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Agenda { get; set; }
    [BindProperty] public string? Minutes { get; set; }
    [BindProperty] public string? Decisions { get; set; }
    [BindProperty] public List<int> Attended { get; set; } = [];
    [BindProperty] public List<Guest> Guests { get; set; } = [];
    [BindProperty] public long Version { get; set; }

    public Council Council { get; private set; } = null!;
    public int? Id { get; private set; }
    public List<CouncilMember> Members { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int councilId, int? id, CancellationToken ct)
    {
        if (await Load(councilId, id, ct) is { } stop) return stop;
        // A new meeting starts with nobody ticked: attendance is recorded as it was, not assumed.
        if (id is null) HeldOn = Today;
        else
        {
            var m = await db.Meetings.AsNoTracking().Include(x => x.Attendance).SingleAsync(x => x.Id == id, ct);
            (HeldOn, Title, Agenda, Minutes, Decisions, Version) = (m.HeldOn, m.Title, m.Agenda, m.Minutes, m.Decisions, m.Version);
            Attended = [.. m.Attendance.Where(a => a.MemberId is not null).Select(a => a.MemberId!.Value)];
            Guests = [.. m.Attendance.Where(a => a.MemberId is null).OrderBy(a => a.Id).Select(a => new Guest { Name = a.GuestName, Profession = a.Profession })];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int councilId, int? id, CancellationToken ct)
    {
        if (await Load(councilId, id, ct) is { } stop) return stop;
        Title = Title?.Trim();
        var guests = Guests.Where(g => !string.IsNullOrWhiteSpace(g.Name)).Select(g => new Guest { Name = g.Name!.Trim(), Profession = g.Profession }).ToList();
        if (HeldOn is null) ModelState.AddModelError(nameof(HeldOn), "開催日を入力してください。");
        else if (HeldOn.Value.Year is < 2000 or > 2100) ModelState.AddModelError(nameof(HeldOn), "開催日は2000年から2100年までの日付で入力してください。");
        if (string.IsNullOrEmpty(Title)) ModelState.AddModelError(nameof(Title), "会議名を入力してください。");
        else if (Title.Length > 200) ModelState.AddModelError(nameof(Title), "会議名は200文字以内で入力してください。");
        if (Agenda?.Length > 4000) ModelState.AddModelError(nameof(Agenda), "議題は4000文字以内で入力してください。");
        if (Minutes?.Length > 20000) ModelState.AddModelError(nameof(Minutes), "議事録は20000文字以内で入力してください。");
        if (Decisions?.Length > 4000) ModelState.AddModelError(nameof(Decisions), "決定事項は4000文字以内で入力してください。");
        if (guests.Any(g => g.Name!.Length > 100)) ModelState.AddModelError(nameof(Guests), "出席者（委員以外）の氏名・所属は100文字以内で入力してください。");
        if (guests.Any(g => !Enum.IsDefined(g.Profession))) ModelState.AddModelError(nameof(Guests), "出席者（委員以外）の職種を選んでください。");
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow().UtcDateTime;
        var meeting = id is null
            ? db.Meetings.Add(new Meeting { CouncilId = councilId, MunicipalityCode = Council.MunicipalityCode, Title = Title! }).Entity
            : await db.Meetings.Include(m => m.Attendance).SingleAsync(m => m.Id == id, ct);
        if (id is not null)
        {
            db.Entry(meeting).Property(m => m.Version).OriginalValue = Version;
            // Attendance lives in its own rows; touching the meeting makes every save check the version.
            db.Entry(meeting).Property(m => m.UpdatedAtUtc).IsModified = true;
        }
        meeting.HeldOn = HeldOn!.Value;
        meeting.Title = Title!;
        meeting.Agenda = Text(Agenda);
        meeting.Minutes = Text(Minutes);
        meeting.Decisions = Text(Decisions);
        meeting.UpdatedAtUtc = now;
        meeting.UpdatedBy = User.Identity?.Name;
        ApplyAttendance(meeting, guests);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", Concurrency.Message);
            return Page();
        }
        TempData["Message"] = $"会議「{meeting.Title}」を保存しました（出席 {meeting.Attendance.Count} 名）。";
        return Redirect($"/councils/meetings/{meeting.Id}");
    }

    // Members still ticked keep their row (and the profession recorded then); guests are rewritten as posted.
    private void ApplyAttendance(Meeting meeting, List<Guest> guests)
    {
        var ticked = Members.Where(m => Attended.Contains(m.Id)).ToDictionary(m => m.Id);
        foreach (var row in meeting.Attendance.Where(a => a.MemberId is null || !ticked.ContainsKey(a.MemberId.Value)).ToList())
        {
            meeting.Attendance.Remove(row);
            db.MeetingAttendance.Remove(row);
        }
        var present = meeting.Attendance.Select(a => a.MemberId!.Value).ToHashSet();
        foreach (var m in ticked.Values.Where(m => !present.Contains(m.Id)))
            meeting.Attendance.Add(new MeetingAttendance { MunicipalityCode = meeting.MunicipalityCode, MemberId = m.Id, Profession = m.Profession });
        foreach (var g in guests)
            meeting.Attendance.Add(new MeetingAttendance { MunicipalityCode = meeting.MunicipalityCode, GuestName = g.Name, Profession = g.Profession });
    }

    private static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private async Task<IActionResult?> Load(int councilId, int? id, CancellationToken ct)
    {
        var (council, right) = await CouncilAccess.FindAsync(db, User, councilId, ct);
        if (council is null) return NotFound();
        if (right != CouncilRight.Write) return Forbid();
        if (id is not null && !await db.Meetings.AnyAsync(m => m.Id == id && m.CouncilId == councilId, ct)) return NotFound();
        (Council, Id, Today) = (council, id, JapanTime.TodayJst(clock));
        var members = await db.CouncilMembers.AsNoTracking().Where(m => m.CouncilId == councilId).ToListAsync(ct);
        Members = [.. members.OrderBy(m => m.Profession.Group()).ThenBy(m => m.Profession).ThenBy(m => m.Id)];
        return null;
    }
}
