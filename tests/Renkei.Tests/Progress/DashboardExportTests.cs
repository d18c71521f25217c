using System.Globalization;
using System.Net;
using System.Text;
using MiniExcelLibs;
using Renkei.Tests.Support;
using Renkei.Web.Features.Program;

namespace Renkei.Tests.Progress;

/// <summary>The dashboard's downloads hold the numbers of the page: one xlsx with a sheet per table, one CSV per table.</summary>
[Collection(AppCollection.Name)]
public sealed class DashboardExportTests(AppFixture app)
{
    private static List<IDictionary<string, object?>> Sheet(byte[] xlsx, string name)
    {
        using var stream = new MemoryStream(xlsx);
        return [.. MiniExcel.Query(stream, useHeaderRow: true, sheetName: name, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()];
    }

    private static int Int(object? v) => Convert.ToInt32(v, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_workbook_opens_with_a_sheet_per_table_holding_the_fixture_counts()
    {
        var f = await TottoriFixture.SeedAsync(app.Factory);
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        var response = await pref.GetAsync($"/progress/{f.RoundId}/dashboard/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("進捗調査集計_鳥取県_20370801_", response.Content.Headers.ContentDisposition?.FileNameStar);
        var xlsx = await response.Content.ReadAsByteArrayAsync();

        using (var stream = new MemoryStream(xlsx))
        {
            var names = MiniExcel.GetSheetNames(stream);
            Assert.Equal(["概要", "（ア）～（ク）毎の実施状況", "実施している項目数の分布", "人口規模別 実施している項目数の分布", "人口規模別 項目ごとの実施中の市町村数",
                "二次医療圏別の実施状況", "市町村別の回答", "（イ）取組の段階", "（カ）研修内容", "委託と都道府県・保健所の支援（項目別）", "都道府県・保健所の支援の有無（1項目以上）", "調査ごとの推移（実施中の市町村数）"], names);
        }
        var about = Sheet(xlsx, "概要");
        Assert.Contains(about, r => (string?)r["項目"] == "調査" && (string?)r["内容"] == f.Title);
        var items = Sheet(xlsx, "（ア）～（ク）毎の実施状況");
        foreach (var (item, r, p, n) in DashboardTests.Expected)
        {
            var row = items.Single(x => ((string?)x["事業項目"])!.StartsWith(item.Label(), StringComparison.Ordinal));
            Assert.Equal((r, p, r + p, n, f.N - 4, f.N), (Int(row["実施中"]), Int(row["年度内実施予定"]), Int(row["実施中+予定"]), Int(row["未実施"]), Int(row["未回答"]), Int(row["n"])));
            Assert.Equal(Math.Round(100m * r / f.N, 1), Convert.ToDecimal(row["実施中(%)"], CultureInfo.InvariantCulture));
        }
        Assert.Equal(14, Int(items[^1]["実施中"]));
        var distribution = Sheet(xlsx, "実施している項目数の分布");
        Assert.Equal([0, 1, 1, 1, 0, 0, 0, 0, 1, f.N - 4, f.N], distribution.Select(x => Int(x["市町村数"])));
        var munis = Sheet(xlsx, "市町村別の回答");
        Assert.Equal(f.N, munis.Count);
        Assert.Equal(3, Int(munis.Single(x => (string?)x["団体コード"] == f.M2.Code)["実施数"]));
        Assert.Equal("年度内実施予定", munis.Single(x => (string?)x["団体コード"] == f.M4.Code)["（ア）"]);
        Assert.Null(munis.Single(x => (string?)x["団体コード"] == f.M5.Code)["実施数"]);
    }

    [Fact]
    public async Task Each_table_downloads_as_csv_with_bom_and_the_same_numbers()
    {
        var f = await TottoriFixture.SeedAsync(app.Factory);
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        var response = await pref.GetAsync($"/progress/{f.RoundId}/dashboard/items.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("事業項目,実施中,実施中(%),年度内実施予定,年度内実施予定(%),実施中+予定,実施中+予定(%),未実施,未実施(%),未回答,未回答(%),n", lines[0]);
        var pct = (int c) => Math.Round(100m * c / f.N, 1).ToString("0.0", CultureInfo.InvariantCulture);
        Assert.Equal($"（ア）{ProgramItem.A.Title()},3,{pct(3)},1,{pct(1)},4,{pct(4)},0,{pct(0)},{f.N - 4},{pct(f.N - 4)},{f.N}", lines[1]);
        Assert.Equal(10, lines.Length); // header, eight items, total

        var stages = await pref.GetPageAsync($"/progress/{f.RoundId}/dashboard/stages.csv");
        Assert.Contains("3 評価・改善を実施,1,33.3", stages);
        Assert.Equal(HttpStatusCode.NotFound, (await pref.GetAsync($"/progress/{f.RoundId}/dashboard/nothing.csv")).StatusCode);
    }
}
