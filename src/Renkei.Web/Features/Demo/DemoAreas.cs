using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Areas;
using Renkei.Web.Features.Organisations;
using Renkei.Web.Features.Pdca;
using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Demo;

/// <summary>
/// A sample workspace for 鳥取県 東部 (二次医療圏 3101): one common rule with two versions and adoptions by some of
/// the area's towns, one joint meeting and two activities of the demo 鳥取市保健所. The municipalities are real, the
/// records are not: every one is IsSample (shown with a サンプル badge) and says so in its text. Skipped when present.
/// </summary>
public static class DemoAreas
{
    public const string Area = "3101";
    public const string RuleTitle = "入退院時の情報共有ルール（サンプル）";
    private const string Note = "デモ用のサンプルです。実際の記録ではありません。";

    public static async Task SeedAsync(RenkeiDb db, CancellationToken ct = default)
    {
        if (await db.AreaRules.AnyAsync(r => r.SecondaryAreaCode == Area && r.IsSample, ct)) return;
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var today = JapanTime.TodayJst(db.Clock);
        var fy = FiscalYear.Current(db.Clock);
        var recent = today.AddDays(-14) < fy.FirstDay ? fy.FirstDay : today.AddDays(-14);
        var pref = DemoSeeder.PrefectureCode;

        var rule = db.AreaRules.Add(new AreaRule
        {
            PrefectureCode = pref, SecondaryAreaCode = Area, Kind = AreaRuleKind.Rule, Title = RuleTitle, Scenes = Scenes.AdmissionDischarge,
            Description = "入院時・退院時に病院と在宅の関係者が情報を共有する手順の例。" + Note, IsSample = true, UpdatedAtUtc = now, UpdatedBy = "demo",
        }).Entity;
        await db.SaveChangesAsync(ct);
        var first = Version(rule, pref, "第1版", new DateOnly(fy.StartYear - 1, 10, 1), "サンプル：初版", now);
        var second = Version(rule, pref, "第2版", fy.FirstDay, "サンプル：退院前カンファレンスの連絡先を追加（デモ）", now);
        db.AreaRuleVersions.AddRange(first, second);
        await db.SaveChangesAsync(ct);
        // 鳥取市 and 岩美町 on the latest version, 智頭町 still on the first: the matrix then shows both cases.
        foreach (var (muni, version, on) in new[]
        {
            (DemoSeeder.TottoriCity, first, first.EffectiveFrom), (DemoSeeder.TottoriCity, second, second.EffectiveFrom),
            ("313025", first, first.EffectiveFrom), ("313025", second, second.EffectiveFrom), ("313289", first, first.EffectiveFrom),
        })
        {
            db.AreaRuleAdoptions.Add(new AreaRuleAdoption { VersionId = version.Id, MunicipalityCode = muni, AdoptedOn = on, Note = Note, RecordedAtUtc = now, RecordedBy = "demo" });
        }

        var centre = await db.Organisations.Where(o => o.Kind == OrganisationKind.HealthCentre && o.PrefectureCode == pref && o.Name == "鳥取市保健所")
            .Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        db.JointMeetings.Add(new JointMeeting
        {
            PrefectureCode = pref, SecondaryAreaCode = Area, HeldOn = recent, Title = "東部圏域 在宅医療・介護連携 合同会議（サンプル）", Host = "鳥取市保健所",
            ParticipantCodes = AreaText.Join([DemoSeeder.TottoriCity, "313025", "313254", "313289", "313297"]),
            Summary = "入退院時の情報共有ルール（サンプル）の第2版について意見交換した、という想定の記録です。" + Note, IsSample = true, UpdatedAtUtc = now, UpdatedBy = "demo",
        });
        db.HealthCentreActivities.AddRange(
            Activity(pref, centre, fy.StartYear, ProgramItem.Ka, "多職種連携研修（サンプル）", recent, now),
            Activity(pref, centre, fy.StartYear, ProgramItem.A, "医療介護資源マップの作成（サンプル）", null, now));
        await db.SaveChangesAsync(ct);
    }

    private static AreaRuleVersion Version(AreaRule rule, string pref, string label, DateOnly from, string changes, DateTime now) =>
        new() { RuleId = rule.Id, PrefectureCode = pref, Label = label, EffectiveFrom = from, Changes = changes, CreatedAtUtc = now, CreatedBy = "demo" };

    private static HealthCentreActivity Activity(string pref, int? centre, int year, ProgramItem item, string title, DateOnly? on, DateTime now) => new()
    {
        PrefectureCode = pref, SecondaryAreaCode = Area, OrganisationId = centre, FiscalYear = year, Item = item, Title = title, HeldOn = on,
        Description = Note, IsSample = true, UpdatedAtUtc = now, UpdatedBy = "demo",
    };
}
