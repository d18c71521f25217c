using System.Net;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Audit;
using Renkei.Web.Features.Program;
using Renkei.Web.Features.Progress;
using static Renkei.Tests.Progress.RoundKit;

namespace Renkei.Tests.Progress;

/// <summary>A municipality answers a round itself, or prefecture / health-centre staff answer on its behalf.</summary>
[Collection(AppCollection.Name)]
public sealed class ResponseEntryTests(AppFixture app)
{
    private const string Tottori = TestWorld.Tottori;
    private const string Yonago = TestWorld.Yonago;

    [Fact]
    public async Task A_municipality_saves_a_draft_then_submits_every_item_and_the_round_shows_it_as_its_own()
    {
        var id = await SeedRoundAsync(app.Factory, "回答テスト 本人入力");
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var a = Index(ProgramItem.A);
        var draft = await AnswerAsync(staff, id, Tottori, "draft",
            [($"Items[{a}].Status", "Running"), ($"Items[{a}].Commissioned", "true"), ($"Items[{a}].CommissionedTo", "東部医師会"), ($"Items[{a}].PrefectureSupported", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var saved = await ResponseAsync(app.Factory, id, Tottori);
        Assert.NotNull(saved);
        Assert.Null(saved.SubmittedAtUtc);
        Assert.False(saved.EnteredByPrefecture);
        var itemA = saved.Items.Single(i => i.Item == ProgramItem.A);
        Assert.Equal((ItemStatus.Running, true, "東部医師会", true), (itemA.Status, itemA.Commissioned, itemA.CommissionedTo, itemA.PrefectureSupported));
        Assert.Equal(ItemStatus.Unanswered, saved.Items.Single(i => i.Item == ProgramItem.U).Status);

        // 提出 needs every item: the form names the one left out and nothing changes.
        var partial = AllRunning().Where(f => f.Item1 != $"Items[{Index(ProgramItem.U)}].Status");
        var refused = await TextAsync(await AnswerAsync(staff, id, Tottori, "submit", partial));
        Assert.Contains("（ウ）切れ目のない在宅医療と在宅介護の提供体制の構築推進：実施状況を選んでください（提出にはすべての項目の回答が必要です）。", refused, StringComparison.Ordinal);
        Assert.Null((await ResponseAsync(app.Factory, id, Tottori))!.SubmittedAtUtc);

        var submitted = await AnswerAsync(staff, id, Tottori, "submit", AllRunning());
        Assert.Equal($"/progress/{id}", submitted.Headers.Location!.OriginalString);
        var done = await ResponseAsync(app.Factory, id, Tottori);
        Assert.NotNull(done!.SubmittedAtUtc);
        Assert.All(done.Items, i => Assert.Equal(ItemStatus.Running, i.Status));
        Assert.Equal(PdcaStage.Stage2, done.Items.Single(i => i.Item == ProgramItem.I).Stage);
        var row = RowOf(await staff.GetPageAsync($"/progress/{id}"), Tottori);
        Assert.Contains("提出済", row, StringComparison.Ordinal);
        Assert.Contains("本人", row, StringComparison.Ordinal);

        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        var audits = await db.AuditEntries.Where(e => e.EntityType == nameof(ProgressResponse) && e.EntityKey == done.Id.ToString()).OrderBy(e => e.Id).ToListAsync();
        // The draft created it, the submission updated it; the refused submission left no trace.
        Assert.Equal([AuditActions.Create, AuditActions.Update], audits.Select(e => e.Action));
        Assert.All(audits, e => Assert.Equal((Tottori, "tottori-staff"), (e.MunicipalityCode, e.UserName)));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(ProgressItemAnswer) && e.MunicipalityCode == Tottori && e.UserName == "tottori-staff" && e.Changes!.Contains("東部医師会")));
    }

    [Fact]
    public async Task Prefecture_staff_answer_on_a_municipalitys_behalf_and_it_is_recorded_so()
    {
        var id = await SeedRoundAsync(app.Factory, "回答テスト 県の代理入力");
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        var page = WebUtility.HtmlDecode(await pref.GetPageAsync(AnswerUrl(id, Yonago)));
        Assert.Contains("米子市 に代わって入力しています", page, StringComparison.Ordinal);
        var response = await AnswerAsync(pref, id, Yonago, "submit", AllRunning().Append(("Notes", "電話で聞き取り")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await ResponseAsync(app.Factory, id, Yonago);
        Assert.True(saved!.EnteredByPrefecture);
        Assert.Equal(("pref-staff", "電話で聞き取り"), (saved.UpdatedBy, saved.Notes));
        Assert.Contains("県・保健所が代理入力", RowOf(await pref.GetPageAsync($"/progress/{id}"), Yonago), StringComparison.Ordinal);

        // When the municipality later corrects its own answer, it is its own again.
        using var yonago = await WebSession.SignInAsync(app.Factory, "yonago-staff");
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(yonago, id, Yonago, "submit", AllRunning())).StatusCode);
        Assert.False((await ResponseAsync(app.Factory, id, Yonago))!.EnteredByPrefecture);

        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(ProgressResponse) && e.EntityKey == saved.Id.ToString() && e.MunicipalityCode == Yonago && e.UserName == "pref-staff"));
    }

    [Fact]
    public async Task A_health_centre_answers_only_for_the_municipalities_it_covers()
    {
        var id = await SeedRoundAsync(app.Factory, "回答テスト 保健所");
        using var hc = await WebSession.SignInAsync(app.Factory, "hc-staff");
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(hc, id, Tottori, "draft", [($"Items[0].Status", "PlannedThisYear"), ("Items[0].PlannedOn", "2026-12-01")])).StatusCode);
        Assert.True((await ResponseAsync(app.Factory, id, Tottori))!.EnteredByPrefecture);

        Assert.Equal(HttpStatusCode.Forbidden, (await hc.GetAsync(AnswerUrl(id, Yonago))).StatusCode);
        var own = await hc.GetPageAsync(AnswerUrl(id, Tottori));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAnswerAsync(hc, AnswerUrl(id, Yonago), own, "submit", AllRunning())).StatusCode);
        Assert.Null(await ResponseAsync(app.Factory, id, Yonago));
    }

    [Fact]
    public async Task Another_municipality_can_neither_open_nor_write_tottoris_answer()
    {
        var id = await SeedRoundAsync(app.Factory, "回答テスト 他市");
        using var yonago = await WebSession.SignInAsync(app.Factory, "yonago-staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await yonago.GetAsync(AnswerUrl(id, Tottori))).StatusCode);
        var own = await yonago.GetPageAsync(AnswerUrl(id, Yonago));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAnswerAsync(yonago, AnswerUrl(id, Tottori), own, "submit", AllRunning())).StatusCode);
        Assert.Null(await ResponseAsync(app.Factory, id, Tottori));
        // A code that is not a municipality of the round's prefecture is not an answer at all.
        Assert.Equal(HttpStatusCode.NotFound, (await yonago.GetAsync(AnswerUrl(id, "999999"))).StatusCode);
    }

    internal static string RowOf(string html, string municipality)
    {
        var start = html.IndexOf($"data-muni=\"{municipality}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"row {municipality} not found");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
