using System.Globalization;
using System.Net;
using System.Text.Json;
using MiniExcelLibs;
using Renkei.Tests.Support;
using Renkei.Web.Features.Program;
using Renkei.Web.Features.Progress;

namespace Renkei.Tests.Progress;

/// <summary>
/// The national view over 鳥取県 and 島根県 rounds. The rounds are dated in 2039 and the view is asked as of a
/// 2039 date, so rounds that other tests create (earlier dates) are not the latest and do not disturb it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NationalTests(AppFixture app)
{
    private static readonly DateOnly AsOf = new(2039, 6, 30);

    private async Task<(TottoriFixture Tottori, int Shimane, List<DashboardKit.Muni> ShimaneMunis)> SeedAsync()
    {
        await DashboardKit.SeedRoundAsync(app.Factory, "31", "全国試験 古い " + Guid.NewGuid().ToString("N")[..6], new DateOnly(2039, 1, 10), false,
            new DashboardKit.Answer(TestWorld.Tottori, "NNNNNNNN"));
        var tottori = await TottoriFixture.SeedAsync(app.Factory, new DateOnly(2039, 6, 29));
        await DashboardKit.SeedRoundAsync(app.Factory, "31", "全国試験 後の調査 " + Guid.NewGuid().ToString("N")[..6], new DateOnly(2039, 9, 1), false,
            new DashboardKit.Answer(TestWorld.Tottori, "NNNNNNNN"));
        var shimaneMunis = await DashboardKit.MunicipalitiesAsync(app.Factory, "32");
        var other = shimaneMunis.First(m => m.Code != TestWorld.Matsue);
        var shimane = await DashboardKit.SeedRoundAsync(app.Factory, "32", "全国試験 島根 " + Guid.NewGuid().ToString("N")[..6], new DateOnly(2039, 6, 28), false,
            new(TestWorld.Matsue, "RRRRRNNN"), new(other.Code, "RNNNNNNP", AnswerState.Draft));
        return (tottori, shimane, shimaneMunis);
    }

    [Fact]
    public async Task Each_prefecture_shows_its_latest_round_and_the_national_totals_are_the_sums()
    {
        var (tottori, shimane, shimaneMunis) = await SeedAsync();
        using var sys = await WebSession.SignInAsync(app.Factory, "sys");
        var json = JsonDocument.Parse(await sys.GetPageAsync("/api/progress/national?asOf=2039-06-30")).RootElement;
        var rows = json.GetProperty("prefectures").EnumerateArray().ToList();
        var t = rows.Single(r => r.GetProperty("code").GetString() == "31");
        var s = rows.Single(r => r.GetProperty("code").GetString() == "32");
        Assert.Equal(tottori.RoundId, t.GetProperty("round").GetProperty("id").GetInt32());
        Assert.Equal(shimane, s.GetProperty("round").GetProperty("id").GetInt32());
        int Running(JsonElement summary, ProgramItem item) =>
            summary.GetProperty("items").EnumerateArray().Single(x => x.GetProperty("item").GetString() == item.Slug()).GetProperty("running").GetInt32();
        Assert.Equal(3, Running(t.GetProperty("summary"), ProgramItem.A));
        Assert.Equal(2, Running(s.GetProperty("summary"), ProgramItem.A));
        Assert.Equal(1, Running(s.GetProperty("summary"), ProgramItem.O));
        Assert.Equal(shimaneMunis.Count, s.GetProperty("summary").GetProperty("municipalities").GetInt32());

        // National totals are computed over municipalities: every count is the sum of the prefectures' counts.
        var national = json.GetProperty("national");
        foreach (var key in new[] { "municipalities", "answered", "submitted", "drafts" })
            Assert.Equal(rows.Sum(r => r.GetProperty("summary").GetProperty(key).GetInt32()), national.GetProperty(key).GetInt32());
        foreach (var item in ProgramItems.All)
            Assert.Equal(rows.Sum(r => Running(r.GetProperty("summary"), item)), Running(national, item));
        for (var k = 0; k <= 8; k++)
            Assert.Equal(rows.Sum(r => r.GetProperty("summary").GetProperty("distribution")[k].GetInt32()), national.GetProperty("distribution")[k].GetInt32());
        var answered = rows.Sum(r => r.GetProperty("summary").GetProperty("answered").GetInt32());
        var runningTotal = ProgramItems.All.Sum(i => Running(national, i));
        Assert.Equal(Math.Round((decimal)runningTotal / answered, 2), national.GetProperty("average").GetDecimal());
        foreach (var band in national.GetProperty("bands").EnumerateArray())
            Assert.Equal(rows.Sum(r => r.GetProperty("summary").GetProperty("bands").EnumerateArray().Where(b => b.GetProperty("key").GetString() == band.GetProperty("key").GetString())
                .Sum(b => b.GetProperty("municipalities").GetInt32())), band.GetProperty("municipalities").GetInt32());

        // The page and the workbook show the same rows.
        var html = await sys.GetPageAsync("/progress/national?asOf=2039-06-30");
        Assert.Equal("3", DashboardTests.Cell(html, "prefectures", "31", "a"));
        Assert.Equal("2", DashboardTests.Cell(html, "prefectures", "32", "a"));
        Assert.Equal(national.GetProperty("municipalities").GetInt32().ToString("#,0", CultureInfo.InvariantCulture), DashboardTests.Cell(html, "prefectures", "total", "n"));
        Assert.Equal(Running(national, ProgramItem.A).ToString(CultureInfo.InvariantCulture), DashboardTests.Cell(html, "items", "a", "running"));
        var xlsx = await (await sys.GetAsync("/progress/national/export.xlsx?asOf=2039-06-30")).Content.ReadAsByteArrayAsync();
        using var stream = new MemoryStream(xlsx);
        var sheet = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "都道府県別の実施状況（最新の調査）", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, Convert.ToInt32(sheet.Single(r => (string?)r["都道府県コード"] == "32")["（ア）実施中"], CultureInfo.InvariantCulture));
        Assert.Equal(Running(national, ProgramItem.A), Convert.ToInt32(sheet.Single(r => (string?)r["都道府県"] == "全国計")["（ア）実施中"], CultureInfo.InvariantCulture));
        var csv = await sys.GetPageAsync("/progress/national/prefectures.csv?asOf=2039-06-30");
        Assert.Contains($"32,島根県,", csv);
    }

    [Fact]
    public async Task A_later_date_makes_the_later_round_the_latest()
    {
        var (tottori, _, _) = await SeedAsync();
        using var sys = await WebSession.SignInAsync(app.Factory, "sys");
        var json = JsonDocument.Parse(await sys.GetPageAsync("/api/progress/national?asOf=2039-12-31")).RootElement;
        var t = json.GetProperty("prefectures").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "31");
        Assert.NotEqual(tottori.RoundId, t.GetProperty("round").GetProperty("id").GetInt32());
        Assert.StartsWith("全国試験 後の調査", t.GetProperty("round").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Only_callers_who_read_every_municipality_see_the_national_view()
    {
        foreach (var user in new[] { "pref-staff", "hc-staff", "tottori-staff", "shimane-staff" })
        {
            using var session = await WebSession.SignInAsync(app.Factory, user);
            foreach (var url in new[] { "/progress/national", "/progress/national/export.xlsx", "/progress/national/items.csv", "/api/progress/national" })
                Assert.True((await session.GetAsync(url)).StatusCode == HttpStatusCode.Forbidden, $"{user} {url}");
        }
        using var sys = await WebSession.SignInAsync(app.Factory, "sys");
        Assert.Equal(HttpStatusCode.OK, (await sys.GetAsync("/progress/national")).StatusCode);
    }
}
