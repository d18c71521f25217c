using System.Net;
using Renkei.Tests.Support;
using Renkei.Web.Features.Program;
using Renkei.Web.Features.Progress;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Web;
using static Renkei.Tests.Progress.RoundKit;

namespace Renkei.Tests.Progress;

/// <summary>What an answer must keep, closed rounds, concurrent and repeated saves.</summary>
[Collection(AppCollection.Name)]
public sealed class ResponseRulesTests(AppFixture app)
{
    private const string Tottori = TestWorld.Tottori;

    [Fact]
    public async Task Stage_training_and_dates_follow_the_status_and_each_message_names_its_item()
    {
        var id = await SeedRoundAsync(app.Factory, "ルールテスト調査回");
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var (i, ka, a, u, e, o) = (Index(ProgramItem.I), Index(ProgramItem.Ka), Index(ProgramItem.A), Index(ProgramItem.U), Index(ProgramItem.E), Index(ProgramItem.O));
        var html = await TextAsync(await AnswerAsync(staff, id, Tottori, "draft",
        [
            ($"Items[{i}].Status", "NotRunning"), ($"Items[{i}].Stage", "Stage1"),
            ($"Items[{ka}].Status", "PlannedThisYear"), ($"Items[{ka}].PlannedOn", "2026-12-01"), ($"Items[{ka}].Training", "GroupWork"),
            ($"Items[{a}].Status", "Running"), ($"Items[{a}].PlannedOn", "2026-12-01"),
            ($"Items[{u}].Status", "PlannedThisYear"), ($"Items[{u}].PlannedOn", "2027-05-01"),
            ($"Items[{e}].Status", "NotRunning"), ($"Items[{e}].PlannedOn", "2026-09-01"),
            ($"Items[{o}].Status", "Running"), ($"Items[{o}].Commissioned", "true"),
        ]));
        Assert.Contains("（イ）在宅医療・介護連携の課題の抽出と対応策の検討：取組の段階は「実施中」のときだけ選べます。", html, StringComparison.Ordinal);
        Assert.Contains("（カ）医療・介護関係者の研修：研修の種類は「実施中」のときだけ選べます。", html, StringComparison.Ordinal);
        Assert.Contains("（ア）地域の医療・介護の資源の把握：「実施中」のときは実施予定時期を入力しないでください。", html, StringComparison.Ordinal);
        Assert.Contains("（ウ）切れ目のない在宅医療と在宅介護の提供体制の構築推進：「年度内実施予定」の実施予定時期は令和8年度中（令和9年3月31日まで）の日付にしてください。", html, StringComparison.Ordinal);
        Assert.Contains("（エ）在宅医療・介護関係者の情報共有の支援：実施予定時期は基準日（令和8年10月1日）以降の日付にしてください。", html, StringComparison.Ordinal);
        Assert.Contains("（オ）在宅医療・介護連携に関する相談支援：委託しているときは委託先を入力してください。", html, StringComparison.Ordinal);
        Assert.Null(await ResponseAsync(app.Factory, id, Tottori));

        // Submitting: 実施中 （イ） needs its stage, 年度内実施予定 its date.
        var fields = AllRunning().Where(f => f.Item1 != $"Items[{i}].Stage" && f.Item1 != $"Items[{u}].Status")
            .Append(($"Items[{u}].Status", "PlannedThisYear"));
        var submit = await TextAsync(await AnswerAsync(staff, id, Tottori, "submit", fields));
        Assert.Contains("（イ）在宅医療・介護連携の課題の抽出と対応策の検討：「実施中」のときは取組の段階（1〜3）を選んでください。", submit, StringComparison.Ordinal);
        Assert.Contains("（ウ）切れ目のない在宅医療と在宅介護の提供体制の構築推進：「年度内実施予定」のときは実施予定時期（令和8年度中の日付）を入力してください。", submit, StringComparison.Ordinal);
        Assert.Null(await ResponseAsync(app.Factory, id, Tottori));

        // The same answers, corrected, are stored: （カ）'s training kinds with it running, a later start for 未実施.
        var ok = AllRunning().Where(f => f.Item1 != $"Items[{e}].Status")
            .Concat([($"Items[{ka}].Training", "GroupWork"), ($"Items[{ka}].Training", "MedicalForCare"), ($"Items[{e}].Status", "NotRunning"), ($"Items[{e}].PlannedOn", "2027-06-01")]);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(staff, id, Tottori, "submit", ok)).StatusCode);
        var saved = await ResponseAsync(app.Factory, id, Tottori);
        Assert.Equal(TrainingKinds.GroupWork | TrainingKinds.MedicalForCare, saved!.Items.Single(x => x.Item == ProgramItem.Ka).Training);
        Assert.Equal(new DateOnly(2027, 6, 1), saved.Items.Single(x => x.Item == ProgramItem.E).PlannedOn);
    }

    [Fact]
    public async Task After_closing_the_municipality_reads_its_answer_and_only_the_prefecture_corrects_it()
    {
        var id = await SeedRoundAsync(app.Factory, "締切テスト調査回");
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var openHtml = await staff.GetPageAsync(AnswerUrl(id, Tottori));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAnswerAsync(staff, AnswerUrl(id, Tottori), openHtml, "submit", AllRunning())).StatusCode);
        var beforeClose = await staff.GetPageAsync(AnswerUrl(id, Tottori));
        await SetStateAsync(app.Factory, id, RoundState.Closed);

        var closed = WebUtility.HtmlDecode(await staff.GetPageAsync(AnswerUrl(id, Tottori)));
        Assert.Contains(AnswerModel.Closed, closed, StringComparison.Ordinal);
        Assert.DoesNotContain(">提出</button>", closed, StringComparison.Ordinal);
        // A form opened before 締切 and posted after it changes nothing.
        var late = await TextAsync(await PostAnswerAsync(staff, AnswerUrl(id, Tottori), beforeClose, "draft", [("Items[0].Status", "NotRunning")]));
        Assert.Contains(AnswerModel.Closed, late, StringComparison.Ordinal);
        var stored = await ResponseAsync(app.Factory, id, Tottori);
        Assert.Equal(ItemStatus.Running, stored!.Items.Single(x => x.Item == ProgramItem.A).Status);
        Assert.NotNull(stored.SubmittedAtUtc);

        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        var fix = AllRunning().Where(f => f.Item1 != "Items[0].Status").Append(("Items[0].Status", "NotRunning"));
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(pref, id, Tottori, "submit", fix)).StatusCode);
        var corrected = await ResponseAsync(app.Factory, id, Tottori);
        Assert.Equal((ItemStatus.NotRunning, true), (corrected!.Items.Single(x => x.Item == ProgramItem.A).Status, corrected.EnteredByPrefecture));
    }

    [Fact]
    public async Task Of_two_edits_of_one_answer_the_second_is_refused_with_the_concurrency_message_and_nothing_is_lost()
    {
        var id = await SeedRoundAsync(app.Factory, "同時編集テスト調査回");
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        // Both open the form before any answer exists: the second would otherwise create a duplicate.
        var staffNew = await staff.GetPageAsync(AnswerUrl(id, Tottori));
        var prefNew = await pref.GetPageAsync(AnswerUrl(id, Tottori));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAnswerAsync(staff, AnswerUrl(id, Tottori), staffNew, "draft", [("Items[0].Status", "Running"), ("Notes", "市の入力")])).StatusCode);
        var raced = await TextAsync(await PostAnswerAsync(pref, AnswerUrl(id, Tottori), prefNew, "draft", [("Items[0].Status", "NotRunning"), ("Notes", "県の入力（新規）")]));
        Assert.Contains(Concurrency.Message, raced, StringComparison.Ordinal);
        Assert.Contains("県の入力（新規）", raced, StringComparison.Ordinal);

        // Both open the saved answer; the first save wins, the second is refused and keeps its typing on the page.
        var staffEdit = await staff.GetPageAsync(AnswerUrl(id, Tottori));
        var prefEdit = await pref.GetPageAsync(AnswerUrl(id, Tottori));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAnswerAsync(staff, AnswerUrl(id, Tottori), staffEdit, "draft", [("Items[0].Status", "Running"), ("Notes", "市の修正")])).StatusCode);
        var stale = await TextAsync(await PostAnswerAsync(pref, AnswerUrl(id, Tottori), prefEdit, "draft", [("Items[0].Status", "NotRunning"), ("Notes", "県の修正")]));
        Assert.Contains(Concurrency.Message, stale, StringComparison.Ordinal);
        Assert.Contains("県の修正", stale, StringComparison.Ordinal);
        var stored = await ResponseAsync(app.Factory, id, Tottori);
        Assert.Equal(("市の修正", ItemStatus.Running, false), (stored!.Notes, stored.Items.Single(x => x.Item == ProgramItem.A).Status, stored.EnteredByPrefecture));
    }

    [Fact]
    public async Task The_same_answer_form_posted_twice_is_stored_once()
    {
        var id = await SeedRoundAsync(app.Factory, "二重送信テスト 回答");
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var html = await staff.GetPageAsync(AnswerUrl(id, Tottori));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAnswerAsync(staff, AnswerUrl(id, Tottori), html, "submit", AllRunning())).StatusCode);
        var again = await PostAnswerAsync(staff, AnswerUrl(id, Tottori), html, "submit", AllRunning());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains(FormOnceFilter.AlreadyProcessed, await staff.GetPageAsync(again.Headers.Location!.OriginalString), StringComparison.Ordinal);
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.Equal(1, db.ProgressResponses.Count(r => r.RoundId == id));
        Assert.Equal(8, db.ProgressItemAnswers.Count(x => db.ProgressResponses.Any(r => r.Id == x.ResponseId && r.RoundId == id)));
    }
}
