using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Pdca;
using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Demo;

/// <summary>
/// A sample PDCA cycle for 鳥取市 so the pages are not empty in the demo: issues across the four scenes,
/// the four 理想像, short-term goals, countermeasures （ウ）〜（ク） and this 年度's plan. 鳥取市 is real and
/// these are invented, so every text starts with 【サンプル】. Skipped when the samples exist.
/// </summary>
public static class DemoPdca
{
    public const string Mark = "【サンプル】";

    public static async Task SeedAsync(RenkeiDb db, CancellationToken ct = default)
    {
        const string city = DemoSeeder.TottoriCity;
        if (await db.ProgramIssues.AnyAsync(i => i.MunicipalityCode == city && i.Statement.StartsWith(Mark), ct)) return;
        // The clock the app runs on (injected into the context's services), so the sample year is "this" 年度.
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var year = FiscalYear.Of(DateOnly.FromDateTime(JapanTime.ToJst(now))).StartYear;

        ProgramIssue Issue(string text, Scenes scenes, ProgramItem[] items, IssuePriority priority, IssueSource source, WorkStatus status) =>
            db.ProgramIssues.Add(new ProgramIssue
            {
                MunicipalityCode = city, FiscalYear = year, Statement = Mark + text, Scenes = scenes, Items = PdcaNames.ToBits(items),
                Priority = priority, Source = source, Status = status, UpdatedAtUtc = now, UpdatedBy = "demo",
                Evidence = Mark + "デモ用の架空の根拠です。実際の調査結果ではありません。",
            }).Entity;
        var daily = Issue("訪問診療を行う医療機関と居宅介護支援事業所の情報共有の方法がばらばらである", Scenes.DailyCare, [ProgramItem.E], IssuePriority.High, IssueSource.Hearing, WorkStatus.InProgress);
        var discharge = Issue("退院前カンファレンスにケアマネジャーが参加できないまま退院する例がある", Scenes.AdmissionDischarge, [ProgramItem.U, ProgramItem.Ka], IssuePriority.High, IssueSource.Meeting, WorkStatus.InProgress);
        var emergency = Issue("夜間の急変時に連絡する先が家族に伝わっていない", Scenes.Emergency, [ProgramItem.U, ProgramItem.Ki], IssuePriority.Medium, IssueSource.Survey, WorkStatus.NotStarted);
        var endOfLife = Issue("自宅での看取りを希望する人の意思が関係者に共有されていない", Scenes.EndOfLife, [ProgramItem.Ki, ProgramItem.O], IssuePriority.Medium, IssueSource.Data, WorkStatus.NotStarted);

        string[] ideals =
        [
            "住み慣れた自宅で、医療と介護を切れ目なく受けながら暮らし続けられる",
            "入院しても、退院後の生活を見すえた支援を受けて円滑に自宅へ戻れる",
            "急に具合が悪くなっても、本人と家族が安心して相談し対応できる",
            "人生の最終段階を、本人が望む場所で望むように過ごせる",
        ];
        foreach (var (scene, text) in PdcaNames.AllScenes.Zip(ideals))
            db.Goals.Add(new Goal { MunicipalityCode = city, Kind = GoalKind.Ideal, Scene = scene, Statement = Mark + text, UpdatedAtUtc = now });
        Goal ShortTerm(Scenes scene, string text) => db.Goals.Add(new Goal
        {
            MunicipalityCode = city, Kind = GoalKind.ShortTerm, Scene = scene, FiscalYear = year, Statement = Mark + text, UpdatedAtUtc = now,
        }).Entity;
        await db.SaveChangesAsync(ct);
        ShortTerm(Scenes.DailyCare, "情報共有の様式を一つに決める").Issues.Add(new GoalIssue { IssueId = daily.Id, MunicipalityCode = city });
        ShortTerm(Scenes.AdmissionDischarge, "入退院時の連携ルールを作り、病院とケアマネジャーに周知する").Issues.Add(new GoalIssue { IssueId = discharge.Id, MunicipalityCode = city });

        Countermeasure Measure(string title, ProgramItem item, WorkStatus status, string owner, ProgramIssue issue, int startMonth) =>
            db.Countermeasures.Add(new Countermeasure
            {
                MunicipalityCode = city, Title = Mark + title, Item = item, Status = status, Owner = owner, UpdatedAtUtc = now, UpdatedBy = "demo",
                StartOn = new DateOnly(year, startMonth, 1), EndOn = new FiscalYear(year).LastDay,
                Issues = [new CountermeasureIssue { IssueId = issue.Id, MunicipalityCode = city }],
            }).Entity;
        var rules = Measure("入退院支援ルールの作成", ProgramItem.U, WorkStatus.InProgress, "連携支援センター（デモ）", discharge, 4);
        Measure("共通の情報共有シートの導入", ProgramItem.E, WorkStatus.InProgress, "長寿社会課（デモ）", daily, 5);
        Measure("在宅医療・介護の相談窓口の案内", ProgramItem.O, WorkStatus.NotStarted, "連携支援センター（デモ）", endOfLife, 10);
        Measure("多職種による退院支援研修", ProgramItem.Ka, WorkStatus.Done, "東部医師会（デモ）", discharge, 6);
        Measure("急変時の連絡先カードの配布", ProgramItem.Ki, WorkStatus.NotStarted, "長寿社会課（デモ）", emergency, 9);
        Measure("東部圏域の町との退院調整ルールの共有", ProgramItem.Ku, WorkStatus.OnHold, "鳥取市保健所（デモ）", discharge, 7);
        await db.SaveChangesAsync(ct);
        db.CountermeasureEvaluations.Add(new CountermeasureEvaluation
        {
            CountermeasureId = rules.Id, MunicipalityCode = city, FiscalYear = year, Achievement = EvaluationGrade.Partly,
            Text = Mark + "ルール案を作成し、病院2か所で試行した。",
        });

        var pdca = db.PdcaYears.Add(PdcaYears.New(city, year, now)).Entity;
        foreach (var step in pdca.Steps.Where(s => s.Step <= 3))
        {
            step.Done = true;
            step.Note = Mark + "デモ用の記録です。";
        }
        pdca.Steps[0].Evidence = "地域・人口（75歳以上人口） | /regions/31";
        pdca.Decisions.Add(new PdcaDecision { MunicipalityCode = city, Text = Mark + "入退院支援ルールを次年度に全病院へ広げる" });
        await db.SaveChangesAsync(ct);
    }
}
