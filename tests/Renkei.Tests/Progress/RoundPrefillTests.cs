using System.Net;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Councils;
using Renkei.Web.Features.Directory;
using Renkei.Web.Features.Organisations;
using Renkei.Web.Features.Pdca;
using Renkei.Web.Features.Program;
using Renkei.Web.Features.Progress;
using static Renkei.Tests.Progress.RoundKit;

namespace Renkei.Tests.Progress;

/// <summary>
/// Pre-fill from Renkei's own records. The fixture lives in 令和13年度 (2031) and in three towns no other test touches,
/// so the counts in the evidence are exactly what these tests wrote.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RoundPrefillTests(AppFixture app)
{
    private const string Yazu = "313297";     // 八頭町: directory, councils, PDCA with evaluations, arrangements
    private const string Wakasa = "313254";   // 若桜町: issues only
    private const string Chizu = "313289";    // 智頭町: a countermeasure, no evaluation
    private static readonly DateOnly AsOf2031 = new(2031, 10, 1);
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _seeded;

    private async Task SeedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_seeded) return;
            var (scope, db) = app.Factory.SystemDb();
            await using var _ = scope;
            Provider P(string name, DateOnly? confirmed, bool listed = true) =>
                new() { Kind = ProviderKind.Clinic, Name = name, PrefectureCode = "31", MunicipalityCode = Yazu, LastConfirmedOn = confirmed, Listed = listed };
            db.Providers.AddRange(P("（テスト）八頭診療所A", new(2031, 6, 1)), P("（テスト）八頭診療所B", new(2032, 2, 1)),
                P("（テスト）八頭診療所C", new(2030, 12, 1)), P("（テスト）廃止した診療所", new(2031, 5, 1), listed: false));
            var council = db.Councils.Add(new Council { MunicipalityCode = Yazu, Name = "（テスト）八頭町在宅医療・介護連携推進協議会", Kind = CouncilKind.Council }).Entity;
            await db.SaveChangesAsync();
            db.Meetings.AddRange(new Meeting { CouncilId = council.Id, MunicipalityCode = Yazu, HeldOn = new(2031, 7, 10), Title = "第1回" },
                new Meeting { CouncilId = council.Id, MunicipalityCode = Yazu, HeldOn = new(2030, 7, 10), Title = "前年度" });
            db.ProgramIssues.AddRange(Issue(Yazu, 2031), Issue(Yazu, 2031), Issue(Yazu, 2030), Issue(Wakasa, 2031));
            var measure = db.Countermeasures.Add(new Countermeasure { MunicipalityCode = Yazu, Title = "（テスト）入退院ルールの作成", Item = ProgramItem.E, StartOn = new(2031, 4, 1), EndOn = new(2032, 3, 31) }).Entity;
            db.Countermeasures.Add(new Countermeasure { MunicipalityCode = Yazu, Title = "（テスト）終わった対応策", Item = ProgramItem.Ka, StartOn = new(2028, 4, 1), EndOn = new(2029, 3, 31) });
            db.Countermeasures.Add(new Countermeasure { MunicipalityCode = Chizu, Title = "（テスト）智頭町の対応策", Item = ProgramItem.Ki, StartOn = new(2031, 4, 1), EndOn = new(2031, 12, 31) });
            await db.SaveChangesAsync();
            db.CountermeasureEvaluations.Add(new CountermeasureEvaluation { CountermeasureId = measure.Id, MunicipalityCode = Yazu, FiscalYear = 2031, Achievement = EvaluationGrade.Partly });
            var doctors = db.Organisations.Add(new Organisation { Kind = OrganisationKind.ProfessionalBody, Name = "（テスト）八頭郡医師会", PrefectureCode = "31", MunicipalityCode = Yazu }).Entity;
            await db.SaveChangesAsync();
            db.ItemArrangements.AddRange(
                new ItemArrangement { MunicipalityCode = Yazu, Item = ProgramItem.O, Method = DeliveryMethod.Commissioned, ContractorOrganisationId = doctors.Id },
                new ItemArrangement { MunicipalityCode = Yazu, Item = ProgramItem.Ki, Method = DeliveryMethod.Partly },
                new ItemArrangement { MunicipalityCode = Yazu, Item = ProgramItem.U, Method = DeliveryMethod.Direct });
            await db.SaveChangesAsync();
            _seeded = true;
        }
        finally { Once.Release(); }
    }

    private static ProgramIssue Issue(string municipality, int year) => new() { MunicipalityCode = municipality, FiscalYear = year, Statement = $"（テスト）{year}年度の課題" };

    [Fact]
    public async Task Records_of_the_year_propose_statuses_with_their_evidence_and_nothing_is_guessed_elsewhere()
    {
        await SeedAsync();
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        var proposals = await new ProgressPrefill(db).ProposeAsync(Yazu, AsOf2031);
        var listed = await db.Providers.CountAsync(p => p.MunicipalityCode == Yazu && p.Listed);

        var a = proposals[ProgramItem.A];
        Assert.Equal(ItemStatus.Running, a.Status);
        Assert.Equal($"資源一覧：令和13年度に確認済み 2件（全 {listed:N0}件）", a.Evidence);
        var i = proposals[ProgramItem.I];
        Assert.Equal((ItemStatus.Running, PdcaStage.Stage3), (i.Status, i.Stage));
        Assert.Equal("協議会・PDCA：令和13年度の会議 1回、課題 2件、対応策 1件、評価 1件", i.Evidence);
        var o = proposals[ProgramItem.O];
        Assert.Equal((ItemStatus.Unanswered, true, "（テスト）八頭郡医師会"), (o.Status, o.Commissioned, o.CommissionedTo));
        Assert.Equal("事業の実施体制：委託（委託先：（テスト）八頭郡医師会）", o.Evidence);
        var ki = proposals[ProgramItem.Ki];
        Assert.Equal((true, null, "事業の実施体制：一部委託（委託先は未登録）"), (ki.Commissioned, ki.CommissionedTo, ki.Evidence));
        // 直営 and items without records: no proposal, no evidence.
        foreach (var item in new[] { ProgramItem.U, ProgramItem.E, ProgramItem.Ka, ProgramItem.Ku })
            Assert.Equal((ItemStatus.Unanswered, false, (string?)null), (proposals[item].Status, proposals[item].Commissioned, proposals[item].Evidence));

        // The year before has a meeting, an issue and a confirmation of its own, but no countermeasure running and no evaluation.
        var earlier = await new ProgressPrefill(db).ProposeAsync(Yazu, new DateOnly(2030, 10, 1));
        Assert.Equal((ItemStatus.Running, PdcaStage.Stage1), (earlier[ProgramItem.I].Status, earlier[ProgramItem.I].Stage));
        Assert.Equal($"資源一覧：令和12年度に確認済み 1件（全 {listed:N0}件）", earlier[ProgramItem.A].Evidence);
        // Two years later nothing was recorded at all.
        var later = await new ProgressPrefill(db).ProposeAsync(Yazu, new DateOnly(2033, 10, 1));
        Assert.Equal(ItemStatus.Unanswered, later[ProgramItem.A].Status);
        Assert.Equal(ItemStatus.Unanswered, later[ProgramItem.I].Status);
    }

    [Theory]
    [InlineData(Wakasa, PdcaStage.Stage1, "協議会・PDCA：令和13年度の会議 0回、課題 1件、対応策 0件、評価 0件")]
    [InlineData(Chizu, PdcaStage.Stage2, "協議会・PDCA：令和13年度の会議 0回、課題 0件、対応策 1件、評価 0件")]
    public async Task The_stage_of_i_is_the_furthest_step_recorded(string municipality, PdcaStage stage, string evidence)
    {
        await SeedAsync();
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        var i = (await new ProgressPrefill(db).ProposeAsync(municipality, AsOf2031))[ProgramItem.I];
        Assert.Equal((ItemStatus.Running, stage, evidence), (i.Status, i.Stage, i.Evidence));
    }

    [Fact]
    public async Task The_form_shows_the_proposal_and_saving_it_keeps_the_evidence_with_each_item()
    {
        await SeedAsync();
        var id = await SeedRoundAsync(app.Factory, "提案テスト 令和13年度", asOf: AsOf2031);
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        var url = AnswerUrl(id, Yazu);
        var html = await pref.GetPageAsync(url);
        var page = WebUtility.HtmlDecode(html);
        Assert.Contains("Renkei の記録からの提案", page, StringComparison.Ordinal);
        Assert.Contains("協議会・PDCA：令和13年度の会議 1回、課題 2件、対応策 1件、評価 1件", page, StringComparison.Ordinal);
        Assert.Matches("id=\"status-A-Running\"[^>]*checked", html);
        Assert.Matches("id=\"stage-Stage3\"[^>]*checked", html);

        var (a, i, o, ki) = (Index(ProgramItem.A), Index(ProgramItem.I), Index(ProgramItem.O), Index(ProgramItem.Ki));
        // The proposal as shown, with the 委託先 the records did not know typed in.
        var saved = await PostAnswerAsync(pref, url, html, "draft",
        [
            ($"Items[{a}].Status", "Running"), ($"Items[{i}].Status", "Running"), ($"Items[{i}].Stage", "Stage3"),
            ($"Items[{o}].Commissioned", "true"), ($"Items[{o}].CommissionedTo", "（テスト）八頭郡医師会"),
            ($"Items[{ki}].Commissioned", "true"), ($"Items[{ki}].CommissionedTo", "（テスト）広報委託先"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var response = await ResponseAsync(app.Factory, id, Yazu);
        var evidence = response!.Items.ToDictionary(x => x.Item, x => x.Evidence);
        Assert.StartsWith("資源一覧：令和13年度に確認済み 2件", evidence[ProgramItem.A], StringComparison.Ordinal);
        Assert.Equal("協議会・PDCA：令和13年度の会議 1回、課題 2件、対応策 1件、評価 1件", evidence[ProgramItem.I]);
        Assert.Equal("事業の実施体制：委託（委託先：（テスト）八頭郡医師会）", evidence[ProgramItem.O]);
        Assert.Null(evidence[ProgramItem.U]);
        // Once saved, the page shows the saved answer and its evidence, no longer a proposal.
        var reopened = WebUtility.HtmlDecode(await pref.GetPageAsync(url));
        Assert.DoesNotContain("Renkei の記録からの提案", reopened, StringComparison.Ordinal);
        Assert.Contains("事業の実施体制：委託（委託先：（テスト）八頭郡医師会）", reopened, StringComparison.Ordinal);
    }
}
