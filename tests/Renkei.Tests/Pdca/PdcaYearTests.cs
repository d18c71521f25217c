using System.Net;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Pdca;
using static Renkei.Tests.Pdca.PdcaKit;

namespace Renkei.Tests.Pdca;

[Collection(AppCollection.Name)]
public sealed class PdcaYearTests(AppFixture app)
{
    [Fact]
    public async Task Carrying_forward_creates_next_years_plan_once_with_history_both_ways()
    {
        // Years of their own, so other tests' data in the shared app does not interfere.
        var year = ThisYear - 4;
        var url = $"/pdca/{year}?muni={TestWorld.Tottori}";
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, $"/pdca/{year}?handler=Decision&muni={TestWorld.Tottori}", ("DecisionText", "引継：研修を年2回にする"))).StatusCode);

        var hidden = WebSession.HiddenFields(await staff.GetPageAsync(url)); // the carry form is the page's last form
        Assert.Equal(HttpStatusCode.Redirect, (await PostWithAsync(staff, $"/pdca/{year}?handler=Carry&muni={TestWorld.Tottori}", hidden)).StatusCode);
        var after = await TextAsync(await staff.GetAsync(url));
        Assert.Contains("の計画に引き継ぎました（決定事項 1 件）", after, StringComparison.Ordinal);
        Assert.Contains("次年度へ引継ぎ済み", after, StringComparison.Ordinal);

        // A second click, from a freshly loaded page: nothing is copied again.
        var again = WebSession.HiddenFields(await staff.GetPageAsync(url));
        await PostWithAsync(staff, $"/pdca/{year}?handler=Carry&muni={TestWorld.Tottori}", again);
        Assert.Contains("すでに", await TextAsync(await staff.GetAsync(url)), StringComparison.Ordinal);

        var next = await TextAsync(await staff.GetAsync($"/pdca/{year + 1}?muni={TestWorld.Tottori}"));
        Assert.Contains("前年度から引継ぎ", next, StringComparison.Ordinal);
        Assert.Contains("引継：研修を年2回にする", next, StringComparison.Ordinal);
        Assert.Contains($"href=\"/pdca/{year}?muni={TestWorld.Tottori}\"", next, StringComparison.Ordinal);

        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        var source = await db.PdcaYears.Include(y => y.Decisions).SingleAsync(y => y.MunicipalityCode == TestWorld.Tottori && y.FiscalYear == year);
        var target = await db.PdcaYears.Include(y => y.Decisions).Include(y => y.Steps).SingleAsync(y => y.MunicipalityCode == TestWorld.Tottori && y.FiscalYear == year + 1);
        Assert.Equal(source.Id, target.CarriedFromId);
        Assert.Equal(source.Decisions.Single().Id, Assert.Single(target.Decisions).CarriedFromId);
        Assert.Equal(6, target.Steps.Count);
    }

    [Fact]
    public async Task A_plan_step_keeps_safe_evidence_links_and_refuses_others()
    {
        var year = ThisYear - 5;
        var url = $"/pdca/{year}/plan/1?muni={TestWorld.Tottori}";
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var bad = await PostAsync(staff, url, ("Form.Done", "true"), ("Form.Evidence", "人口 | /regions/31\n危険 | javascript:alert(1)\n外部 | //evil.example"));
        var text = await TextAsync(bad);
        Assert.Contains("根拠資料の2行目", text, StringComparison.Ordinal);
        Assert.Contains("根拠資料の3行目", text, StringComparison.Ordinal);
        Assert.DoesNotContain("根拠資料の1行目", text, StringComparison.Ordinal);

        var ok = await PostAsync(staff, url, ("Form.Done", "true"), ("Form.Note", "人口を確認"), ("Form.Evidence", "人口 | /regions/31\n厚労省 | https://www.mhlw.go.jp/"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var page = await TextAsync(await staff.GetAsync($"/pdca/{year}?muni={TestWorld.Tottori}"));
        Assert.Contains("<a href=\"/regions/31\" rel=\"noopener noreferrer\">人口</a>", page, StringComparison.Ordinal);
        Assert.Contains("1 / 6 完了", page, StringComparison.Ordinal);
        Assert.Contains("①現状の把握（定量的な現状把握）", page, StringComparison.Ordinal);
    }
}
