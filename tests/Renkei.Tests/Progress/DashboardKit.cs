using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Program;
using Renkei.Web.Features.Progress;
using Renkei.Web.Features.Regions;

namespace Renkei.Tests.Progress;

/// <summary>
/// Fixture rounds for the dashboard tests, written straight into the database as the system. Each answer is
/// a string of eight letters for （ア）〜（ク）: R 実施中, P 年度内実施予定, N 未実施, - 未回答.
/// </summary>
public static class DashboardKit
{
    public sealed record Answer(string Code, string Statuses, AnswerState State = AnswerState.Submitted, PdcaStage Stage = PdcaStage.None,
        TrainingKinds Training = TrainingKinds.None, string Commissioned = "", string Supported = "");

    public sealed record Muni(string Code, string Name, int? Population, string? Area);

    public static ItemStatus Parse(char c) => c switch
    {
        'R' => ItemStatus.Running,
        'P' => ItemStatus.PlannedThisYear,
        'N' => ItemStatus.NotRunning,
        _ => ItemStatus.Unanswered,
    };

    /// <summary>The municipalities a round of the prefecture asks (not wards), straight from the reference data.</summary>
    public static async Task<List<Muni>> MunicipalitiesAsync(RenkeiFactory factory, string pref)
    {
        var (s, db) = factory.SystemDb();
        await using var _ = s;
        return await db.Municipalities.Where(m => m.PrefectureCode == pref && m.Kind != MunicipalityKind.Ward).OrderBy(m => m.Code)
            .Select(m => new Muni(m.Code, m.Name, m.Population, m.SecondaryAreaCode)).ToListAsync();
    }

    /// <summary>Creates a round with the given answers (item letters at the positions of （ア）〜（ク）; commissioned/supported as item letters too).</summary>
    public static async Task<int> SeedRoundAsync(RenkeiFactory factory, string pref, string title, DateOnly asOf, bool sample, params Answer[] answers)
    {
        var (s, db) = factory.SystemDb();
        await using var _ = s;
        var round = db.ProgressRounds.Add(new ProgressRound { PrefectureCode = pref, Title = title, AsOf = asOf, IsSample = sample, CreatedAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime }).Entity;
        await db.SaveChangesAsync();
        foreach (var a in answers)
        {
            var response = new ProgressResponse
            {
                RoundId = round.Id, MunicipalityCode = a.Code, UpdatedAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime,
                SubmittedAtUtc = a.State == AnswerState.Submitted ? TimeProvider.System.GetUtcNow().UtcDateTime : null,
            };
            for (var i = 0; i < ProgramItems.All.Length; i++)
            {
                var item = ProgramItems.All[i];
                var letter = i < a.Statuses.Length ? a.Statuses[i] : ' ';
                if (letter == ' ') continue; // no row at all for this item
                response.Items.Add(new ProgressItemAnswer
                {
                    MunicipalityCode = a.Code, Item = item, Status = Parse(letter),
                    Stage = item == ProgramItem.I ? a.Stage : PdcaStage.None,
                    Training = item == ProgramItem.Ka ? a.Training : TrainingKinds.None,
                    Commissioned = a.Commissioned.Split(',', StringSplitOptions.RemoveEmptyEntries).Contains(item.Slug()),
                    PrefectureSupported = a.Supported.Split(',', StringSplitOptions.RemoveEmptyEntries).Contains(item.Slug()),
                });
            }
            db.ProgressResponses.Add(response);
        }
        await db.SaveChangesAsync();
        return round.Id;
    }

    /// <summary>The population band by the thresholds the dashboard documents (written here again so the test does not trust the code).</summary>
    public static string Band(int? population) => population switch
    {
        null => "unknown",
        < 10_000 => "under-10k",
        < 50_000 => "10k-50k",
        < 100_000 => "50k-100k",
        < 300_000 => "100k-300k",
        _ => "300k-plus",
    };
}

/// <summary>
/// The 鳥取県 fixture round: 鳥取市 runs all eight, 米子市 three, the smallest other municipality one (a draft), the
/// largest other two, the second smallest saved a blank draft (未回答); every other municipality has no answer.
/// </summary>
public sealed record TottoriFixture(int RoundId, string Title, List<DashboardKit.Muni> All, DashboardKit.Muni M1, DashboardKit.Muni M2, DashboardKit.Muni M3, DashboardKit.Muni M4, DashboardKit.Muni M5)
{
    public int N => All.Count;

    public static async Task<TottoriFixture> SeedAsync(RenkeiFactory factory, DateOnly? asOf = null, bool sample = false)
    {
        var all = await DashboardKit.MunicipalitiesAsync(factory, "31");
        var m1 = all.Single(m => m.Code == TestWorld.Tottori);
        var m2 = all.Single(m => m.Code == TestWorld.Yonago);
        var rest = all.Where(m => m != m1 && m != m2 && m.Population is not null).OrderBy(m => m.Population).ToList();
        var (m3, m5, m4) = (rest[0], rest[1], rest[^1]);
        var title = "ダッシュボード試験 " + Guid.NewGuid().ToString("N")[..8];
        var id = await DashboardKit.SeedRoundAsync(factory, "31", title, asOf ?? new DateOnly(2037, 8, 1), sample,
            new(m1.Code, "RRRRRRRR", AnswerState.Submitted, PdcaStage.Stage3, TrainingKinds.GroupWork | TrainingKinds.MedicalForCare, Commissioned: "a,o", Supported: "u"),
            new(m2.Code, "RRRPNNNN", AnswerState.Submitted, PdcaStage.Stage2),
            new(m3.Code, "RPNNNPNN", AnswerState.Draft, PdcaStage.Stage1, TrainingKinds.GroupWork, Supported: "e"),
            new(m4.Code, "PNNNNRRN", AnswerState.Submitted, Training: TrainingKinds.CareForMedical, Supported: "ka"),
            new(m5.Code, "-", AnswerState.Draft));
        return new TottoriFixture(id, title, all, m1, m2, m3, m4, m5);
    }

    /// <summary>The four municipalities that answered, with their running counts, derived by hand from the letters above.</summary>
    public IReadOnlyList<(DashboardKit.Muni Muni, int Running)> Answered => [(M1, 8), (M2, 3), (M3, 1), (M4, 2)];
}
