using System.Net;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Renkei.Tests.Support;
using Renkei.Web.Features.Councils;
using Renkei.Web.Features.Indicators;
using Renkei.Web.Features.Pdca;
using Renkei.Web.Features.Program;
using static Renkei.Tests.Pdca.PdcaKit;

namespace Renkei.Tests.Pdca;

/// <summary>The annual report and the one-page PDCA summary read what the modules recorded for the 年度.</summary>
[Collection(AppCollection.Name)]
public sealed class AnnualReportTests(AppFixture app)
{
    // A 年度 of its own, so other tests' data in the shared app does not interfere.
    private static readonly int Year = ThisYear - 7;

    private async Task<string> SeedYearAsync()
    {
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        var council = db.Councils.Add(new Council { MunicipalityCode = TestWorld.Tottori, Name = "報告テスト協議会", Kind = CouncilKind.Council }).Entity;
        await db.SaveChangesAsync();
        db.Meetings.Add(new Meeting { CouncilId = council.Id, MunicipalityCode = TestWorld.Tottori, HeldOn = new DateOnly(Year, 6, 3), Title = "報告テスト第1回" });
        db.Meetings.Add(new Meeting { CouncilId = council.Id, MunicipalityCode = TestWorld.Tottori, HeldOn = new DateOnly(Year + 1, 4, 2), Title = "翌年度の会議" });
        var measure = db.Countermeasures.Add(new Countermeasure
        {
            MunicipalityCode = TestWorld.Tottori, Title = "報告テスト多職種研修", Item = ProgramItem.Ka, Status = WorkStatus.InProgress,
            StartOn = new DateOnly(Year, 4, 1), EndOn = new DateOnly(Year + 1, 3, 31),
        }).Entity;
        measure.Evaluations.Add(new CountermeasureEvaluation { MunicipalityCode = TestWorld.Tottori, FiscalYear = Year, Achievement = EvaluationGrade.Partly, Text = "参加者が目標の8割" });
        db.PdcaYears.Add(new PdcaYear
        {
            MunicipalityCode = TestWorld.Tottori, FiscalYear = Year,
            Decisions = [new PdcaDecision { MunicipalityCode = TestWorld.Tottori, Text = "報告テスト：研修を年2回にする" }],
        });
        // A manual indicator without a denominator, where higher is better: value 12 against target 10.
        var indicator = await db.Indicators.Where(i => i.MunicipalityCode == null && i.DenominatorId == null && i.HigherIsBetter == true
            && db.DataElements.Any(e => e.Id == i.NumeratorId && e.Kind == ElementKind.Manual)).OrderBy(i => i.Id).FirstAsync();
        db.DataValues.Add(new DataValue { MunicipalityCode = TestWorld.Tottori, DataElementId = indicator.NumeratorId, FiscalYear = Year, Value = 12, Origin = ValueOrigin.Manual });
        db.IndicatorTargets.Add(new IndicatorTarget { MunicipalityCode = TestWorld.Tottori, IndicatorId = indicator.Id, FiscalYear = Year, Value = 10 });
        await db.SaveChangesAsync();
        return indicator.Name;
    }

    [Fact]
    public async Task The_report_shows_the_years_meetings_countermeasures_and_indicators_and_the_workbook_holds_the_same()
    {
        var indicator = await SeedYearAsync();
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var page = await TextAsync(await staff.GetAsync($"/pdca/{Year}/report?muni={TestWorld.Tottori}"));
        Assert.Contains("報告テスト第1回", page, StringComparison.Ordinal);
        Assert.DoesNotContain("翌年度の会議", page, StringComparison.Ordinal);
        Assert.Contains("報告テスト多職種研修", page, StringComparison.Ordinal);
        Assert.Contains("一部達成", page, StringComparison.Ordinal);
        Assert.Contains(indicator, page, StringComparison.Ordinal);

        var summary = await TextAsync(await staff.GetAsync($"/pdca/{Year}/summary?muni={TestWorld.Tottori}"));
        Assert.Contains("報告テスト：研修を年2回にする", summary, StringComparison.Ordinal);
        Assert.Contains("会議の開催：1 回", summary, StringComparison.Ordinal);

        // The year page's Check lists the indicator against its target.
        var year = await TextAsync(await staff.GetAsync($"/pdca/{Year}?muni={TestWorld.Tottori}"));
        Assert.Contains("data-testid=\"check-indicators\"", year, StringComparison.Ordinal);
        Assert.Contains(indicator, year, StringComparison.Ordinal);

        var xlsx = await staff.GetAsync($"/pdca/{Year}/report?muni={TestWorld.Tottori}&handler=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["事業項目", "会議", "評価指標"], MiniExcel.GetSheetNames(stream));
        var meetings = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "会議").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("報告テスト第1回", Assert.Single(meetings)["会議名"]?.ToString());
        var indicators = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "評価指標").Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(indicators, r => r["指標"]?.ToString() == indicator);
        Assert.Equal("達成", row["評価"]?.ToString());
    }

    [Fact]
    public async Task A_year_outside_the_range_or_an_unknown_view_is_not_found()
    {
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/pdca/1999/report?muni={TestWorld.Tottori}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/pdca/2101/summary?muni={TestWorld.Tottori}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/pdca/{Year}/other?muni={TestWorld.Tottori}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/pdca/1999/report?muni={TestWorld.Tottori}&handler=xlsx")).StatusCode);
    }

    [Fact]
    public async Task Another_municipality_cannot_read_the_report()
    {
        using var other = await WebSession.SignInAsync(app.Factory, "yonago-staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/pdca/{Year}/report?muni={TestWorld.Tottori}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/pdca/{Year}/report?muni={TestWorld.Tottori}&handler=xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/pdca/{Year}/summary?muni={TestWorld.Tottori}")).StatusCode);
    }
}
