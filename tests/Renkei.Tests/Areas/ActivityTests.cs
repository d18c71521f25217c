using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Renkei.Tests.Support;
using Renkei.Web.Platform.Time;
using static Renkei.Tests.Areas.AreaKit;

namespace Renkei.Tests.Areas;

/// <summary>Health-centre activities per 年度, and the workspace's exports.</summary>
[Collection(AppCollection.Name)]
public sealed class ActivityTests(AppFixture app)
{
    [Fact]
    public async Task Activities_are_listed_and_exported_per_fiscal_year()
    {
        using var hc = await WebSession.SignInAsync(app.Factory, "hc-staff");
        var form = await hc.GetPageAsync($"/areas/{East}/activities/edit");
        Assert.Contains("<option value=\"地域医療情報連携ネットワークに関する説明会\">", form, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{app.Orgs["hc"]}\" selected=\"selected\">テスト保健所</option>", form, StringComparison.Ordinal);
        await AddAsync(hc, app.Orgs["hc"], ThisYear, "取組テスト：今年度の多職種連携研修", new DateOnly(ThisYear, 11, 5));
        await AddAsync(hc, app.Orgs["hc"], ThisYear - 1, "取組テスト：前年度の資源マップ作成", null);

        var current = await hc.GetPageAsync($"/areas/{East}?year={ThisYear}");
        Assert.Contains("取組テスト：今年度の多職種連携研修", current, StringComparison.Ordinal);
        Assert.DoesNotContain("取組テスト：前年度の資源マップ作成", current, StringComparison.Ordinal);
        var previous = await hc.GetPageAsync($"/areas/{East}?year={ThisYear - 1}");
        Assert.Contains("取組テスト：前年度の資源マップ作成", previous, StringComparison.Ordinal);
        Assert.DoesNotContain("取組テスト：今年度の多職種連携研修", previous, StringComparison.Ordinal);
        var all = await hc.GetPageAsync($"/areas/{East}?year=all");
        Assert.Contains("取組テスト：今年度の多職種連携研修", all, StringComparison.Ordinal);
        Assert.Contains("取組テスト：前年度の資源マップ作成", all, StringComparison.Ordinal);

        // A municipality's staff read them (and export them), but do not write.
        using var tottori = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var csv = await tottori.GetAsync($"/areas/{East}/export?table=activities&format=csv&year={ThisYear}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF年度,保健所,事業項目,取組,実施日,内容,サンプル", text, StringComparison.Ordinal);
        Assert.Contains($"テスト保健所,（カ）医療・介護関係者の研修,取組テスト：今年度の多職種連携研修,{Wareki.FormatDate(new DateOnly(ThisYear, 11, 5))}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("取組テスト：前年度の資源マップ作成", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await tottori.GetAsync($"/areas/{East}/activities/edit")).StatusCode);
    }

    [Fact]
    public async Task A_date_outside_the_fiscal_year_is_refused_and_nothing_is_stored()
    {
        using var hc = await WebSession.SignInAsync(app.Factory, "hc-staff");
        var response = await PostAsync(hc, $"/areas/{East}/activities/edit",
            [("year", ThisYear.ToString(CultureInfo.InvariantCulture)), ("Title", "取組テスト：年度外の日付"), ("HeldOn", Iso(new DateOnly(ThisYear, 3, 31)))]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"実施日は{Wareki.FormatFiscalYear(ThisYear)}（", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        Assert.False(await db.HealthCentreActivities.AnyAsync(a => a.Title == "取組テスト：年度外の日付"));
    }

    [Theory]
    [InlineData("99999")]
    [InlineData("0")]
    public async Task A_year_not_in_the_list_is_refused_with_a_japanese_message_even_with_a_date_and_nothing_is_stored(string year)
    {
        using var hc = await WebSession.SignInAsync(app.Factory, "hc-staff");
        var response = await PostAsync(hc, $"/areas/{East}/activities/edit",
            [("year", year), ("Title", "取組テスト：一覧にない年度"), ("HeldOn", Iso(new DateOnly(ThisYear, 5, 1)))]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("年度を一覧から選んでください。", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        Assert.False(await db.HealthCentreActivities.AnyAsync(a => a.Title == "取組テスト：一覧にない年度"));
    }

    [Fact]
    public async Task The_adoption_matrix_exports_one_row_per_rule_and_municipality()
    {
        var (ruleId, versions) = await SeedRuleAsync(app.Factory, East, "出力テスト：退院時情報提供書");
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        Assert.Equal(HttpStatusCode.Redirect, (await AdoptAsync(pref, East, ruleId, versions[0], "313289", new DateOnly(ThisYear - 1, 4, 2))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AdoptAsync(pref, East, ruleId, versions[1], TestWorld.Tottori, new DateOnly(ThisYear, 4, 3))).StatusCode);
        var xlsx = await pref.GetAsync($"/areas/{East}/export?table=adoptions&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.EndsWith(".xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true, sheetName: "採用状況", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
            .Where(r => (string?)r["名称"] == "出力テスト：退院時情報提供書").ToDictionary(r => (string)r["団体コード"]!);
        Assert.Equal(5, rows.Count);
        Assert.Equal(("採用済み", $"第2版（{Wareki.FormatDate(new DateOnly(ThisYear, 4, 3))}）"), ((string?)rows[TestWorld.Tottori]["最新版の採用"], (string?)rows[TestWorld.Tottori]["採用した版（採用日）"]));
        Assert.Equal(("未採用", $"第1版（{Wareki.FormatDate(new DateOnly(ThisYear - 1, 4, 2))}）"), ((string?)rows["313289"]["最新版の採用"], (string?)rows["313289"]["採用した版（採用日）"]));
        Assert.Equal("未採用", (string?)rows["313297"]["最新版の採用"]);
        Assert.Equal("様式", (string?)rows["313297"]["区分"]);
    }

    private static async Task AddAsync(WebSession session, int centre, int year, string title, DateOnly? on)
    {
        var response = await PostAsync(session, $"/areas/{East}/activities/edit",
        [
            ("year", year.ToString(CultureInfo.InvariantCulture)), ("OrganisationId", centre.ToString(CultureInfo.InvariantCulture)), ("Item", "Ka"), ("Title", title), ("HeldOn", on is { } d ? Iso(d) : ""), ("Description", "テスト"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // Follow it, as a browser does: the confirmation (which names the activity) is shown once, there.
        Assert.Contains(title, await session.GetPageAsync(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }
}
