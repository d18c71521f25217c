using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Areas;

/// <summary>
/// Records a joint meeting of the area's municipalities (seed 004 （ク） 実施内容(2)). When one municipality's council
/// meeting (（イ）) was the joint meeting, it is linked rather than copied: the picker lists the meetings of the
/// area's municipalities that the editor may read.
/// </summary>
public sealed class MeetingEditModel(RenkeiDb db, TimeProvider clock) : AreaPage(db, clock)
{
    [BindProperty] public DateOnly? HeldOn { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Host { get; set; }
    [BindProperty] public List<string> Participants { get; set; } = [];
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public int? MeetingId { get; set; }
    [BindProperty] public long Version { get; set; }

    public int? Id { get; private set; }
    public Dictionary<int, string> CouncilMeetings { get; private set; } = [];
    public List<string> HostSuggestions { get; private set; } = [];
    private JointMeeting? _meeting;

    public async Task<IActionResult> OnGetAsync(string areaCode, int? id, CancellationToken ct)
    {
        if (await LoadAsync(areaCode, id, ct) is { } stop) return stop;
        if (_meeting is { } m)
            (HeldOn, Title, Host, Participants, Summary, MeetingId, Version) = (m.HeldOn, m.Title, m.Host, AreaText.Codes(m.ParticipantCodes), m.Summary, m.MeetingId, m.Version);
        else (HeldOn, Participants) = (Today, [.. Municipalities.Select(x => x.Code)]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string areaCode, int? id, CancellationToken ct)
    {
        if (await LoadAsync(areaCode, id, ct) is { } stop) return stop;
        CheckDate(nameof(HeldOn), "開催日", HeldOn, required: true);
        CheckLength(nameof(Title), "会議名", Title, 200, required: true);
        CheckLength(nameof(Host), "主催", Host, 200);
        CheckLength(nameof(Summary), "概要", Summary, 4000);
        if (Participants.Any(p => Municipalities.All(m => m.Code != p))) ModelState.AddModelError(nameof(Participants), "参加市町村は一覧から選んでください。");
        if (MeetingId is { } mid && !CouncilMeetings.ContainsKey(mid)) ModelState.AddModelError(nameof(MeetingId), "協議会の会議は一覧から選んでください。");
        if (!ModelState.IsValid) return Page();

        var meeting = _meeting ?? Db.JointMeetings.Add(new JointMeeting { PrefectureCode = Area.PrefectureCode, SecondaryAreaCode = Area.Code, Title = "" }).Entity;
        if (id is not null) Db.Entry(meeting).Property(m => m.Version).OriginalValue = Version;
        meeting.HeldOn = HeldOn!.Value;
        meeting.Title = Title!.Trim();
        meeting.Host = AreaText.Clean(Host);
        meeting.ParticipantCodes = AreaText.Join(Participants);
        meeting.Summary = AreaText.Clean(Summary);
        meeting.MeetingId = MeetingId;
        meeting.UpdatedAtUtc = Clock.GetUtcNow().UtcDateTime;
        meeting.UpdatedBy = User.Identity?.Name;
        if (!await TrySaveAsync(ct)) return Page();
        TempData["Message"] = $"合同会議「{meeting.Title}」（{Wareki.FormatDate(meeting.HeldOn)}）を保存しました。";
        return Redirect($"{AreaUrl}#meetings-title");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string areaCode, int id, CancellationToken ct)
    {
        if (await LoadAsync(areaCode, id, ct) is { } stop) return stop;
        return await DeleteAsync(_meeting!, Version, $"合同会議「{_meeting!.Title}」を削除しました。", $"{AreaUrl}/meetings/edit/{id}", ct);
    }

    private async Task<IActionResult?> LoadAsync(string areaCode, int? id, CancellationToken ct)
    {
        if (await LoadForEditAsync(areaCode, ct) is { } stop) return stop;
        Id = id;
        if (id is not null && (_meeting = await Db.JointMeetings.SingleOrDefaultAsync(m => m.Id == id && m.SecondaryAreaCode == areaCode, ct)) is null) return NotFound();
        var codes = Municipalities.Select(m => m.Code).ToList();
        // Through the tenant filter: only meetings the editor may read are offered.
        var meetings = await Db.Meetings.AsNoTracking().Where(m => codes.Contains(m.MunicipalityCode))
            .Join(Db.Councils, m => m.CouncilId, c => c.Id, (m, c) => new { m.Id, m.HeldOn, m.Title, m.MunicipalityCode, Council = c.Name })
            .OrderByDescending(m => m.HeldOn).Take(200).ToListAsync(ct);
        CouncilMeetings = meetings.ToDictionary(m => m.Id, m => $"{MunicipalityName(m.MunicipalityCode)}｜{Wareki.FormatDate(m.HeldOn)} {m.Title}（{m.Council}）");
        // A link someone else made to minutes this editor may not read stays as it is.
        if (_meeting?.MeetingId is { } linked && !CouncilMeetings.ContainsKey(linked)) CouncilMeetings[linked] = "（現在のリンク：会議録は主催市町村が管理）";
        var centres = await AreaPlaces.HealthCentresAsync(Db, Area.PrefectureCode, ct);
        HostSuggestions = [PrefectureName, .. centres.Values, .. Municipalities.Select(m => m.Name)];
        return null;
    }
}
