using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Councils;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Demo;

/// <summary>
/// A sample 在宅医療・介護連携推進協議会 for 鳥取市, shaped like the 北上市 example in the 手引き (seed 004 （イ）-2):
/// the medical and care bodies, the 地域包括支援センター, the 連携支援センター and the city, about fifteen in all.
/// Member bodies are described generically and marked サンプル; no person is named. The demo's own organisations
/// (医師会, clinic, care office, centres) are linked, so their demo accounts see the council as members do.
/// Skipped when the council exists, so running it again adds nothing.
/// </summary>
public static class DemoCouncil
{
    public const string Name = "鳥取市在宅医療・介護連携推進協議会（サンプル）";

    public static async Task SeedAsync(RenkeiDb db, CancellationToken ct = default)
    {
        const string city = DemoSeeder.TottoriCity;
        if (await db.Councils.IgnoreQueryFilters().AnyAsync(c => c.MunicipalityCode == city && c.Name == Name, ct)) return;
        var demoOrgs = await db.Organisations.Where(o => o.IsDemo).ToDictionaryAsync(o => o.Name, o => o.Id, ct);
        int? Org(string name) => demoOrgs.TryGetValue(name, out var id) ? id : null;

        DateOnly termFrom = new(2025, 4, 1), termTo = new(2027, 3, 31);
        CouncilMember Member(string body, Profession profession, string role = "委員", string? linked = null) => new()
        {
            MunicipalityCode = city, OrganisationName = body, OrganisationId = linked is null ? null : Org(linked), Profession = profession,
            Role = role, TermFrom = termFrom, TermTo = termTo,
        };
        var members = new List<CouncilMember>
        {
            Member("東部医師会（デモ）", Profession.Physician, "会長", "東部医師会（デモ）"),
            Member("デモ在宅クリニック", Profession.Physician, linked: "デモ在宅クリニック"),
            Member("歯科医師会（サンプル）", Profession.Dentist),
            Member("薬剤師会（サンプル）", Profession.Pharmacist),
            Member("急性期病院 地域医療連携室（サンプル）", Profession.MedicalSocialWorker),
            Member("回復期リハビリテーション病院（サンプル）", Profession.Therapist),
            Member("訪問看護ステーション連絡会（サンプル）", Profession.Nurse),
            Member("栄養士会（サンプル）", Profession.Dietitian),
            Member("介護支援専門員連絡協議会（サンプル）", Profession.CareManager, "副会長"),
            Member("デモ居宅介護支援事業所", Profession.CareManager, linked: "デモ居宅介護支援事業所"),
            Member("老人福祉施設連絡会（サンプル）", Profession.CareWorker),
            Member("鳥取市地域包括支援センター（デモ）", Profession.HomeCareSupport, linked: "鳥取市地域包括支援センター（デモ）"),
            Member("鳥取市在宅医療・介護連携支援センター（デモ）", Profession.Nurse, "事務局", "鳥取市在宅医療・介護連携支援センター（デモ）"),
            Member("鳥取市保健所", Profession.PublicHealthNurse, linked: "鳥取市保健所"),
            Member("鳥取市 長寿社会担当課（サンプル）", Profession.Administration, "事務局", "鳥取市"),
            Member("住民代表（サンプル）", Profession.Resident),
        };
        // One body whose term ended: the page flags it, as staff must re-appoint or remove it.
        members.Add(new CouncilMember
        {
            MunicipalityCode = city, OrganisationName = "理学療法士会（サンプル・前期の委員）", Profession = Profession.Therapist, Role = "委員",
            TermFrom = new DateOnly(2023, 4, 1), TermTo = new DateOnly(2025, 3, 31),
        });
        var council = new Council
        {
            MunicipalityCode = city, Name = Name, Kind = CouncilKind.Council, Members = members,
            Purpose = "（サンプル）在宅医療と介護の連携の現状を共有し、課題の抽出と対応策の検討を行う。所掌：(1) 在宅医療・介護連携推進事業に関すること (2) 在宅医療・介護連携支援センターの運営に関すること (3) その他医療と介護の連携推進に関すること。",
            UpdatedAtUtc = Utc(new DateOnly(2025, 4, 1)),
        };
        db.Councils.Add(council);
        await db.SaveChangesAsync(ct);

        var wg = new Council
        {
            MunicipalityCode = city, Name = "入退院支援部会（サンプル）", Kind = CouncilKind.WorkingGroup, ParentId = council.Id,
            Purpose = "（サンプル）入退院時の情報共有ルールの見直しを検討する。", UpdatedAtUtc = Utc(new DateOnly(2025, 6, 1)),
            Members =
            [
                Member("急性期病院 地域医療連携室（サンプル）", Profession.MedicalSocialWorker, "部会長"),
                Member("介護支援専門員連絡協議会（サンプル）", Profession.CareManager),
                Member("鳥取市在宅医療・介護連携支援センター（デモ）", Profession.Nurse, "事務局", "鳥取市在宅医療・介護連携支援センター（デモ）"),
            ],
        };
        db.Councils.Add(wg);

        var current = members.Where(m => m.TermTo >= new DateOnly(2025, 4, 1)).ToList();
        db.Meetings.Add(Meeting(council, new DateOnly(2025, 7, 17), "令和7年度 第1回 協議会（サンプル）",
            "1 在宅医療・介護資源の把握結果（（ア））について\n2 入退院支援に関する課題について\n3 今年度の取組計画（案）について",
            "（サンプル）事務局から地域の医療・介護資源の把握結果を報告した。\n委員から、退院時に介護支援専門員への連絡が遅れる例があるとの意見があった。\n訪問看護からは、夜間の連絡体制の共有が課題との意見があった。",
            "1 入退院支援部会を設置し、情報共有ルールの見直しを検討する。\n2 今年度の取組計画（案）を了承する。",
            [.. current.Where(m => m.Profession != Profession.Resident)], [("鳥取県 長寿社会担当課（オブザーバー・サンプル）", Profession.Administration)]));
        db.Meetings.Add(Meeting(council, new DateOnly(2025, 11, 20), "令和7年度 第2回 協議会（サンプル）",
            "1 入退院支援部会の検討状況について\n2 多職種研修会の実施について",
            "（サンプル）部会長から入退院時の情報提供様式の案が示された。\n委員から、歯科・栄養の情報も様式に含めるべきとの意見があった。",
            "1 情報提供様式の案を各団体で確認し、次回までに意見を事務局へ提出する。",
            [.. current.Where(m => m.Profession.Group() == ProfessionGroup.Medical).Take(5), .. current.Where(m => m.Profession.Group() != ProfessionGroup.Medical).Take(3)], []));
        await db.SaveChangesAsync(ct);
    }

    private static Meeting Meeting(Council council, DateOnly heldOn, string title, string agenda, string minutes, string decisions,
        List<CouncilMember> attended, List<(string Name, Profession Profession)> guests) => new()
    {
        CouncilId = council.Id, MunicipalityCode = council.MunicipalityCode, HeldOn = heldOn, Title = title, Agenda = agenda,
        Minutes = minutes, Decisions = decisions, UpdatedAtUtc = Utc(heldOn), UpdatedBy = "demo",
        Attendance =
        [
            .. attended.Select(m => new MeetingAttendance { MunicipalityCode = council.MunicipalityCode, MemberId = m.Id, Profession = m.Profession }),
            .. guests.Select(g => new MeetingAttendance { MunicipalityCode = council.MunicipalityCode, GuestName = g.Name, Profession = g.Profession }),
        ],
    };

    // Demo records carry their meeting day (noon in Japan) as the update time: fixed, so the demo is the same on every machine.
    private static DateTime Utc(DateOnly day) => JapanTime.ToUtc(day.ToDateTime(new TimeOnly(12, 0)));
}
