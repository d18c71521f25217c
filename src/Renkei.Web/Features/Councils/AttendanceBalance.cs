namespace Renkei.Web.Features.Councils;

/// <summary>
/// Head counts by profession and by group (医療・介護・行政・その他), so a meeting page or a roster shows at
/// a glance whether medical and care voices were balanced. Every group is listed, also with zero.
/// </summary>
public sealed record AttendanceBalance(int Total, IReadOnlyList<(ProfessionGroup Group, int Count)> Groups, IReadOnlyList<(Profession Profession, int Count)> Professions)
{
    public static AttendanceBalance Of(IEnumerable<Profession> professions)
    {
        var list = professions.ToList();
        var groups = Enum.GetValues<ProfessionGroup>().Select(g => (g, list.Count(p => p.Group() == g))).ToList();
        var byProfession = list.GroupBy(p => p).OrderBy(g => g.Key.Group()).ThenBy(g => g.Key)
            .Select(g => (g.Key, g.Count())).ToList();
        return new AttendanceBalance(list.Count, groups, byProfession);
    }

    public int CountOf(ProfessionGroup group) => Groups.Single(g => g.Group == group).Count;

    /// <summary>A warning when one side of the 連携 is missing: medical without care, or care without medical.</summary>
    public string? Warning => Total == 0 ? null
        : CountOf(ProfessionGroup.Medical) == 0 ? "医療職の出席がありません。"
        : CountOf(ProfessionGroup.Care) == 0 ? "介護職の出席がありません。"
        : null;

    /// <summary>"医療 5・介護 4・行政 2・住民・その他 1" for lists.</summary>
    public string Summary => string.Join("　", Groups.Select(g => $"{g.Group.Japanese()} {g.Count}"));
}
