using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Councils;

/// <summary>How councils, members and terms read on screen and in the roster.</summary>
public static class CouncilText
{
    public static string Japanese(this CouncilKind kind) => kind == CouncilKind.WorkingGroup ? "部会・ワーキンググループ" : "協議会";

    /// <summary>A term that ended before today: the member should be re-appointed or removed.</summary>
    public static bool TermEnded(this CouncilMember m, DateOnly today) => m.TermTo is { } to && to < today;

    public static string Term(this CouncilMember m) => (m.TermFrom, m.TermTo) switch
    {
        (null, null) => "",
        (var from, var to) => $"{(from is { } f ? Wareki.FormatDate(f) : "")}〜{(to is { } t ? Wareki.FormatDate(t) : "")}",
    };

    /// <summary>"東部医師会　（委員）" — the body first, as members are listed in a 設置要綱.</summary>
    public static string Label(this CouncilMember m) => string.IsNullOrWhiteSpace(m.PersonName) ? m.OrganisationName : $"{m.OrganisationName}　{m.PersonName}";

    /// <summary>Who an attendance row is: the member, or the guest's name, or, for a member removed later, the name kept at removal.</summary>
    public static string Label(this MeetingAttendance a, IReadOnlyDictionary<int, CouncilMember> members) =>
        a.MemberId is { } id && members.TryGetValue(id, out var m) ? m.Label() : a.GuestName ?? "（氏名なし）";
}
