using System.Net;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Pdca;
using static Renkei.Tests.Pdca.PdcaKit;

namespace Renkei.Tests.Pdca;

/// <summary>Deleting an issue or a countermeasure: links go with it, a stale page deletes nothing, other municipalities cannot.</summary>
[Collection(AppCollection.Name)]
public sealed class PdcaDeleteTests(AppFixture app)
{
    private static string Delete(string kind, int id) => $"/pdca/{kind}/edit/{id}?handler=Delete&muni={TestWorld.Tottori}";

    [Fact]
    public async Task Deleting_an_issue_keeps_its_countermeasure_and_a_stale_page_deletes_nothing()
    {
        var issueId = await SeedIssueAsync(app.Factory, "削除：消す課題");
        int measureId;
        var (scope, db) = app.Factory.SystemDb();
        await using (scope)
        {
            var measure = db.Countermeasures.Add(new Countermeasure { MunicipalityCode = TestWorld.Tottori, Title = "削除：残る対応策", Item = Renkei.Web.Features.Program.ProgramItem.U }).Entity;
            measure.Issues.Add(new CountermeasureIssue { IssueId = issueId, MunicipalityCode = TestWorld.Tottori });
            await db.SaveChangesAsync();
            measureId = measure.Id;
        }
        using var other = await WebSession.SignInAsync(app.Factory, "yonago-staff");
        // Another municipality's staff, with valid tokens of their own: the issue does not exist for them.
        var theirs = WebSession.HiddenFields(await other.GetPageAsync($"/pdca/issues/edit?muni={TestWorld.Yonago}"), new() { ["Form.Version"] = "0" });
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(Delete("issues", issueId), theirs)).StatusCode);

        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var page = await staff.GetPageAsync($"/pdca/issues/edit/{issueId}?muni={TestWorld.Tottori}");
        Assert.Contains("この課題を削除", page, StringComparison.Ordinal);
        var stale = WebSession.HiddenFields(page, new() { ["Form.Version"] = "99" });
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync(Delete("issues", issueId), stale)).StatusCode);
        Assert.Contains("他の人がこのデータを更新しています", await TextAsync(await staff.GetAsync($"/pdca/issues/edit/{issueId}?muni={TestWorld.Tottori}")), StringComparison.Ordinal);

        var fresh = WebSession.HiddenFields(await staff.GetPageAsync($"/pdca/issues/edit/{issueId}?muni={TestWorld.Tottori}"));
        var deleted = await staff.PostAsync(Delete("issues", issueId), fresh);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Contains("課題「削除：消す課題」を削除しました。", await TextAsync(await staff.GetAsync(deleted.Headers.Location!.OriginalString)), StringComparison.Ordinal);

        (scope, db) = app.Factory.SystemDb();
        await using (scope)
        {
            Assert.False(await db.ProgramIssues.AnyAsync(i => i.Id == issueId));
            var measure = await db.Countermeasures.Include(c => c.Issues).SingleAsync(c => c.Id == measureId);
            Assert.Empty(measure.Issues);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "削除" && a.EntityType == nameof(ProgramIssue) && a.EntityKey == issueId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public async Task Deleting_a_countermeasure_removes_its_evaluations_but_not_its_issues()
    {
        var issueId = await SeedIssueAsync(app.Factory, "削除：残る課題");
        int measureId;
        var (scope, db) = app.Factory.SystemDb();
        await using (scope)
        {
            var measure = db.Countermeasures.Add(new Countermeasure { MunicipalityCode = TestWorld.Tottori, Title = "削除：消す対応策", Item = Renkei.Web.Features.Program.ProgramItem.Ki }).Entity;
            measure.Issues.Add(new CountermeasureIssue { IssueId = issueId, MunicipalityCode = TestWorld.Tottori });
            measure.Evaluations.Add(new CountermeasureEvaluation { MunicipalityCode = TestWorld.Tottori, FiscalYear = ThisYear, Achievement = EvaluationGrade.Achieved });
            await db.SaveChangesAsync();
            measureId = measure.Id;
        }
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var fresh = WebSession.HiddenFields(await staff.GetPageAsync($"/pdca/countermeasures/edit/{measureId}?muni={TestWorld.Tottori}"));
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync(Delete("countermeasures", measureId), fresh)).StatusCode);

        (scope, db) = app.Factory.SystemDb();
        await using (scope)
        {
            Assert.False(await db.Countermeasures.AnyAsync(c => c.Id == measureId));
            Assert.False(await db.CountermeasureEvaluations.AnyAsync(e => e.CountermeasureId == measureId));
            Assert.True(await db.ProgramIssues.AnyAsync(i => i.Id == issueId));
        }
    }
}
