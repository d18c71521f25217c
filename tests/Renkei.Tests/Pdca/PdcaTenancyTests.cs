using System.Net;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Pdca;
using Renkei.Web.Features.Program;
using static Renkei.Tests.Pdca.PdcaKit;

namespace Renkei.Tests.Pdca;

[Collection(AppCollection.Name)]
public sealed class PdcaTenancyTests(AppFixture app)
{
    private const string Secret = "所属外：鳥取市だけの課題";

    private async Task<(int Issue, int Measure, int Goal)> SeedAsync()
    {
        var issue = await SeedIssueAsync(app.Factory, Secret);
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        var measure = db.Countermeasures.Add(new Countermeasure { MunicipalityCode = TestWorld.Tottori, Title = "所属外：対応策", Item = ProgramItem.Ka }).Entity;
        var goal = db.Goals.Add(new Goal { MunicipalityCode = TestWorld.Tottori, Kind = GoalKind.ShortTerm, Scene = Scenes.EndOfLife, FiscalYear = ThisYear, Statement = "所属外：目標" }).Entity;
        await db.SaveChangesAsync();
        return (issue, measure.Id, goal.Id);
    }

    private static string[] ReadUrls((int Issue, int Measure, int Goal) ids)
    {
        var m = $"muni={TestWorld.Tottori}";
        return [$"/pdca?{m}", $"/pdca/issues?{m}", $"/pdca/issues?handler=csv&{m}", $"/pdca/issues?handler=xlsx&{m}", $"/pdca/goals?{m}",
            $"/pdca/countermeasures?{m}", $"/pdca/countermeasures?handler=csv&{m}", $"/pdca/countermeasures?handler=xlsx&{m}", $"/pdca/{ThisYear}?{m}",
            $"/pdca/issues/{ids.Issue}", $"/pdca/countermeasures/{ids.Measure}"];
    }

    [Fact]
    public async Task Another_municipalitys_staff_can_neither_read_nor_write_tottoris_pdca()
    {
        var ids = await SeedAsync();
        using var yonago = await WebSession.SignInAsync(app.Factory, "yonago-staff");
        foreach (var url in ReadUrls(ids))
        {
            var response = await yonago.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
        foreach (var url in new[] { $"/pdca/issues/edit/{ids.Issue}", $"/pdca/countermeasures/edit/{ids.Measure}", $"/pdca/goals/edit/{ids.Goal}",
                     $"/pdca/issues/edit?muni={TestWorld.Tottori}", $"/pdca/{ThisYear}/plan/1?muni={TestWorld.Tottori}" })
            Assert.True((await yonago.GetAsync(url)).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, url);
        // Their own register does not list it either.
        Assert.DoesNotContain(Secret, await TextAsync(await yonago.GetAsync("/pdca/issues")), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, await (await yonago.GetAsync("/pdca/issues?handler=csv")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Posting with a valid form of their own to tottori's records changes nothing.
        var hidden = WebSession.HiddenFields(await yonago.GetPageAsync("/pdca/issues/edit"));
        var edit = await PostWithAsync(yonago, $"/pdca/issues/edit/{ids.Issue}", hidden, Issue("所属外：書き換え"));
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        hidden = WebSession.HiddenFields(await yonago.GetPageAsync("/pdca/issues/edit"));
        var create = await PostWithAsync(yonago, $"/pdca/issues/edit?muni={TestWorld.Tottori}", hidden, Issue("所属外：新規"));
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        hidden = WebSession.HiddenFields(await yonago.GetPageAsync("/pdca/issues/edit"));
        var carry = await PostWithAsync(yonago, $"/pdca/{ThisYear}?handler=Carry&muni={TestWorld.Tottori}", hidden);
        Assert.Equal(HttpStatusCode.Forbidden, carry.StatusCode);

        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.Equal(Secret, (await db.ProgramIssues.SingleAsync(i => i.Id == ids.Issue)).Statement);
        Assert.False(await db.ProgramIssues.AnyAsync(i => i.Statement.StartsWith("所属外：新規") || i.Statement.StartsWith("所属外：書き換え")));
        Assert.False(await db.PdcaYears.AnyAsync(y => y.MunicipalityCode == TestWorld.Tottori && y.FiscalYear == ThisYear + 1));
    }

    [Fact]
    public async Task Prefecture_staff_read_every_page_and_export_but_do_not_edit()
    {
        var ids = await SeedAsync();
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        foreach (var url in ReadUrls(ids))
            Assert.Equal(HttpStatusCode.OK, (await pref.GetAsync(url)).StatusCode);
        Assert.Contains(Secret, await TextAsync(await pref.GetAsync($"/pdca/issues?muni={TestWorld.Tottori}")), StringComparison.Ordinal);
        Assert.Contains(Secret, await (await pref.GetAsync($"/pdca/issues?handler=csv&muni={TestWorld.Tottori}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("課題を登録", await TextAsync(await pref.GetAsync($"/pdca/issues?muni={TestWorld.Tottori}")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await pref.GetAsync($"/pdca/issues/edit/{ids.Issue}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pref.GetAsync($"/pdca/countermeasures/edit?muni={TestWorld.Tottori}")).StatusCode);

        using var doctor = await WebSession.SignInAsync(app.Factory, "doctor");
        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.GetAsync($"/pdca/issues?muni={TestWorld.Tottori}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.GetAsync("/pdca")).StatusCode);
    }
}
