using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Program;
using Renkei.Web.Features.Progress;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Demo;

/// <summary>
/// Two sample progress rounds for 鳥取県 (the previous 年度's, closed, and the current one's, open) with an answer from
/// each of its municipalities. The municipalities are real and their statuses are not: the rounds are IsSample, titled
/// （サンプル）, and every page shows the サンプル notice. The answers follow a fixed arithmetic rule (no randomness), so
/// every first run shows the same figures, and the later round shows more items running than the earlier one.
/// </summary>
public static class DemoProgress
{
    public const string Note = "デモ用の架空の回答です。この市町村の実際の取組状況ではありません。";
    private const string Contractor = "（サンプル）郡市医師会（架空）";

    public static async Task SeedAsync(RenkeiDb db, CancellationToken ct = default)
    {
        const string pref = DemoSeeder.PrefectureCode;
        if (await db.ProgressRounds.AnyAsync(r => r.PrefectureCode == pref && r.IsSample, ct)) return;
        var today = JapanTime.TodayJst(db.Clock);
        var year = FiscalYear.Of(today).StartYear;
        // The national survey asks as of a day in autumn; before autumn the current round is as of this month.
        var latestAsOf = new DateOnly(year, 10, 1) is var october && october <= today ? october : new DateOnly(today.Year, today.Month, 1);
        var municipalities = await db.Municipalities.Where(m => m.PrefectureCode == pref && m.Kind != MunicipalityKind.Ward)
            .OrderBy(m => m.Code).Select(m => m.Code).ToListAsync(ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var earlier = Round(year - 1, new DateOnly(year - 1, 10, 1), RoundState.Closed, now);
        var latest = Round(year, latestAsOf, RoundState.Open, now);
        db.ProgressRounds.AddRange(earlier, latest);
        await db.SaveChangesAsync(ct);
        for (var k = 0; k < municipalities.Count; k++)
        {
            db.ProgressResponses.Add(Response(earlier, municipalities[k], k, later: false, submitted: true, now));
            // A few of the current round's answers are still drafts, so the round shows 入力中 as well as 提出済.
            db.ProgressResponses.Add(Response(latest, municipalities[k], k, later: true, submitted: k % 5 != 4, now));
        }
        await db.SaveChangesAsync(ct);
    }

    private static ProgressRound Round(int fiscalYear, DateOnly asOf, RoundState state, DateTime now) => new()
    {
        PrefectureCode = DemoSeeder.PrefectureCode,
        Title = $"{Wareki.FormatFiscalYear(fiscalYear)} 在宅医療・介護連携推進事業 実施状況調査（サンプル）",
        AsOf = asOf, DueOn = asOf.AddDays(45), State = state, IsSample = true,
        Notes = "デモ用のサンプル調査回です。回答はすべて説明のために作成した架空のもので、各市町村の実際の取組状況ではありません。",
        CreatedAtUtc = now, CreatedBy = "demo",
    };

    private static ProgressResponse Response(ProgressRound round, string municipality, int k, bool later, bool submitted, DateTime now) => new()
    {
        RoundId = round.Id, MunicipalityCode = municipality, Notes = Note, EnteredByPrefecture = true,
        SubmittedAtUtc = submitted ? now : null, UpdatedAtUtc = now, UpdatedBy = "demo",
        Items = [.. ProgramItems.All.Select(item => Answer(round, municipality, item, k, later))],
    };

    private static ProgressItemAnswer Answer(ProgressRound round, string municipality, ProgramItem item, int k, bool later)
    {
        // A spread of 0–7 per municipality and item; the later round counts more of them as running.
        var level = (k * 3 + (int)item * 5) % 8;
        var status = level < (later ? 5 : 3) ? ItemStatus.Running : level < 6 ? ItemStatus.PlannedThisYear : ItemStatus.NotRunning;
        var stage = later ? 1 + k % 3 : Math.Max(1, k % 3);
        return new ProgressItemAnswer
        {
            MunicipalityCode = municipality, Item = item, Status = status,
            PlannedOn = status == ItemStatus.PlannedThisYear ? new DateOnly(FiscalYear.Of(round.AsOf).StartYear + 1, 2, 1) : null,
            Stage = item == ProgramItem.I && status == ItemStatus.Running ? (PdcaStage)stage : PdcaStage.None,
            Training = item == ProgramItem.Ka && status == ItemStatus.Running
                ? TrainingKinds.GroupWork | (k % 2 == 0 ? TrainingKinds.CareForMedical : 0) | (k % 3 == 0 ? TrainingKinds.MedicalForCare : 0)
                : TrainingKinds.None,
            Commissioned = item == ProgramItem.O && k % 2 == 0,
            CommissionedTo = item == ProgramItem.O && k % 2 == 0 ? Contractor : null,
            PrefectureSupported = (item == ProgramItem.Ku && level < 6) || (item == ProgramItem.I && k % 3 == 0),
        };
    }
}
