using System.Net;
using System.Text.RegularExpressions;
using Renkei.Tests.Support;
using Renkei.Web.Features.Program;
using Renkei.Web.Features.Progress;

namespace Renkei.Tests.Progress;

/// <summary>The dashboard of a fixture round: its figures against counts derived by hand, the page, access.</summary>
[Collection(AppCollection.Name)]
public sealed partial class DashboardTests(AppFixture app)
{
    // (running, planned, not running) per item, read off the fixture's letters by hand:
    // 鳥取市 RRRRRRRR, 米子市 RRRPNNNN, M3 RPNNNPNN, M4 PNNNNRRN.
    public static readonly (ProgramItem Item, int R, int P, int N)[] Expected =
    [
        (ProgramItem.A, 3, 1, 0), (ProgramItem.I, 2, 1, 1), (ProgramItem.U, 2, 0, 2), (ProgramItem.E, 1, 1, 2),
        (ProgramItem.O, 1, 0, 3), (ProgramItem.Ka, 2, 1, 1), (ProgramItem.Ki, 2, 0, 2), (ProgramItem.Ku, 1, 0, 3),
    ];

    private async Task<DashboardData> LoadAsSystemAsync(int id)
    {
        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        var round = db.ProgressRounds.Single(r => r.Id == id);
        return await DashboardData.LoadAsync(db, round, CancellationToken.None);
    }

    [Fact]
    public async Task The_summary_equals_the_counts_derived_by_hand_from_the_fixture()
    {
        var f = await TottoriFixture.SeedAsync(app.Factory);
        var s = (await LoadAsSystemAsync(f.RoundId)).Summary;

        Assert.Equal(f.N, s.Municipalities);
        Assert.Equal(4, s.Answered);   // the blank draft is not an answer
        Assert.Equal(3, s.Submitted);
        Assert.Equal(2, s.Drafts);
        foreach (var (item, r, p, n) in Expected)
        {
            var c = s.Of(item);
            Assert.Equal((r, p, r + p, n, f.N - 4), (c.Running, c.Planned, c.RunningOrPlanned, c.NotRunning, c.Unanswered));
        }
        Assert.Equal(14, s.Total.Running);
        Assert.Equal(8 * f.N, s.Total.Base);
        Assert.Equal([0, 1, 1, 1, 0, 0, 0, 0, 1], s.Distribution);
        Assert.Equal(3.5m, s.Average);
        Assert.Equal((3, 1, 1, 1, 0), (s.Stages.Base, s.Stages.Stage1, s.Stages.Stage2, s.Stages.Stage3, s.Stages.Missing));
        Assert.Equal(3, s.Training.Base);
        Assert.Equal((2, 1, 1), (s.Training.Running[TrainingKinds.GroupWork], s.Training.Running[TrainingKinds.CareForMedical], s.Training.Running[TrainingKinds.MedicalForCare]));
        Assert.Equal((1, 1), (s.Of(ProgramItem.A).Commissioned, s.Of(ProgramItem.O).Commissioned));
        Assert.Equal(2, s.Total.Commissioned);
        Assert.Equal((1, 1, 1, 3), (s.Of(ProgramItem.U).Supported, s.Of(ProgramItem.E).Supported, s.Of(ProgramItem.Ka).Supported, s.Total.Supported));
        Assert.Equal(3, s.SupportedAny);
        Assert.Equal([f.M1.Code, f.M2.Code, f.M3.Code], s.Members(ProgramItem.A, ItemStatus.Running).Select(e => e.Municipality.Code).Order());
        Assert.Contains(s.Members(ProgramItem.A, ItemStatus.Unanswered), e => e.Municipality.Code == f.M5.Code);

        // Population bands: sizes read from the reference data, bands by the documented thresholds.
        foreach (var band in s.Bands)
        {
            var members = f.All.Where(m => DashboardKit.Band(m.Population) == band.Key).ToList();
            var answered = f.Answered.Where(a => DashboardKit.Band(a.Muni.Population) == band.Key).ToList();
            Assert.Equal(members.Count, band.Municipalities);
            Assert.Equal(answered.Count, band.Answered);
            for (var k = 0; k <= 8; k++) Assert.Equal(answered.Count(a => a.Running == k), band.Distribution[k]);
        }
        Assert.Equal(f.All.Count, s.Bands.Sum(b => b.Municipalities));
        Assert.True(s.Bands.Count(b => b.Answered > 0) >= 2, "the fixture spans several bands");

        // 二次医療圏: municipalities from the reference data, running items from the fixture.
        foreach (var area in s.Areas)
        {
            Assert.Equal(f.All.Count(m => (m.Area ?? "") == area.Key), area.Municipalities);
            var answered = f.Answered.Where(a => (a.Muni.Area ?? "") == area.Key).ToList();
            Assert.Equal(answered.Count, area.Answered);
            Assert.Equal(answered.Count == 0 ? null : Math.Round((decimal)answered.Sum(a => a.Running) / answered.Count, 2), area.Average);
        }
        var tottoriArea = s.Areas.Single(a => a.Key == f.M1.Area);
        Assert.True(tottoriArea.Running[ProgramItem.Ku] >= 1);
    }

    [Fact]
    public async Task Prefecture_staff_see_the_numbers_on_the_page_with_scope_and_counting_rule()
    {
        var f = await TottoriFixture.SeedAsync(app.Factory);
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        var html = await pref.GetPageAsync($"/progress/{f.RoundId}/dashboard");

        foreach (var (item, r, p, n) in Expected)
        {
            Assert.Equal(r.ToString(), Cell(html, "items", item.Slug(), "running"));
            Assert.Equal(p.ToString(), Cell(html, "items", item.Slug(), "planned"));
            Assert.Equal((r + p).ToString(), Cell(html, "items", item.Slug(), "sum"));
            Assert.Equal(n.ToString(), Cell(html, "items", item.Slug(), "not-running"));
            Assert.Equal((f.N - 4).ToString(), Cell(html, "items", item.Slug(), "unanswered"));
            Assert.Equal(Math.Round(100m * r / f.N, 1).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), Cell(html, "items", item.Slug(), "running-pct"));
        }
        Assert.Equal("14", Cell(html, "items", "total", "running"));
        Assert.Equal("1", Cell(html, "distribution", "8", "count"));
        Assert.Equal("0", Cell(html, "distribution", "0", "count"));
        Assert.Equal((f.N - 4).ToString(), Cell(html, "distribution", "unanswered", "count"));
        Assert.Equal("8", Cell(html, "municipalities", f.M1.Code, "running"));
        Assert.Equal("入力中", Cell(html, "municipalities", f.M3.Code, "state"));
        Assert.Equal("1", Cell(html, "stages", "3", "count"));
        Assert.Equal("3.50", Cell(html, "areas", "total", "average"));
        Assert.Contains($"対象: 鳥取県 {f.N} 市町村", html);
        Assert.Contains($"集計対象: 回答あり 4 / {f.N} 市町村（うち提出済 3、入力中 2）", html);
        Assert.Contains(SummaryText.CountingRule, html);
        Assert.Contains($"{f.M3.Name}（入力中）", html);
        Assert.Contains("data-testid=\"distribution-chart\"><svg", html);
        Assert.Contains("id=\"progress-map\"", html);
        Assert.DoesNotContain("data-testid=\"sample-banner\"", html);
    }

    [Fact]
    public async Task Municipal_users_get_403_and_another_prefecture_404_on_page_exports_and_api()
    {
        var f = await TottoriFixture.SeedAsync(app.Factory);
        string[] urls = [$"/progress/{f.RoundId}/dashboard", $"/progress/{f.RoundId}/dashboard/export.xlsx", $"/progress/{f.RoundId}/dashboard/items.csv", $"/api/progress/rounds/{f.RoundId}/summary"];
        using var yonago = await WebSession.SignInAsync(app.Factory, "yonago-staff");
        foreach (var url in urls) Assert.Equal(HttpStatusCode.Forbidden, (await yonago.GetAsync(url)).StatusCode);
        var denied = await (await yonago.GetAsync(urls[0])).Content.ReadAsStringAsync();
        Assert.Contains(DashboardAccess.MunicipalityExplanation, WebUtility.HtmlDecode(denied));
        Assert.DoesNotContain(f.M3.Name + "（入力中）", denied);

        using var shimane = await WebSession.SignInAsync(app.Factory, "shimane-staff");
        foreach (var url in urls) Assert.Equal(HttpStatusCode.NotFound, (await shimane.GetAsync(url)).StatusCode);
        using var doctor = await WebSession.SignInAsync(app.Factory, "doctor");
        foreach (var url in urls) Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync(url)).StatusCode);
        using var anonymous = WebSession.Open(app.Factory);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(urls[3])).StatusCode);
    }

    [Fact]
    public async Task A_health_centre_counts_only_the_municipalities_it_covers()
    {
        var f = await TottoriFixture.SeedAsync(app.Factory);
        using var hc = await WebSession.SignInAsync(app.Factory, "hc-staff"); // covers 鳥取市 only (TestWorld)
        var html = await hc.GetPageAsync($"/progress/{f.RoundId}/dashboard");
        Assert.Contains($"対象: 管内 1 市町村（鳥取県 {f.N} 市町村のうち", html);
        foreach (var (item, _, _, _) in Expected)
        {
            Assert.Equal("1", Cell(html, "items", item.Slug(), "running")); // 鳥取市 runs all eight
            Assert.Equal("0", Cell(html, "items", item.Slug(), "unanswered"));
            Assert.Equal("1", Cell(html, "items", item.Slug(), "n"));
        }
        Assert.Equal("1", Cell(html, "distribution", "8", "count"));
        Assert.DoesNotContain(f.M2.Name, Regex.Match(html, "data-testid=\"table-municipalities\".*?</table>", RegexOptions.Singleline).Value);
        var csv = await hc.GetPageAsync($"/progress/{f.RoundId}/dashboard/items.csv");
        Assert.Contains("（ア）地域の医療・介護の資源の把握,1,100.0,0,0.0,1,100.0,0,0.0,0,0.0,1", csv);
    }

    [Fact]
    public async Task The_trend_shows_the_prefectures_rounds_of_the_same_kind_and_a_sample_round_says_so()
    {
        var later = await TottoriFixture.SeedAsync(app.Factory, new DateOnly(2037, 12, 1));
        var earlierTitle = "ダッシュボード推移 " + Guid.NewGuid().ToString("N")[..8];
        var earlier = await DashboardKit.SeedRoundAsync(app.Factory, "31", earlierTitle, new DateOnly(2037, 2, 1), false,
            new(later.M1.Code, "RNNNNNNN"), new(later.M2.Code, "RRNNNNNN"));
        var sample = await TottoriFixture.SeedAsync(app.Factory, new DateOnly(2037, 6, 1), sample: true);

        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        var html = await pref.GetPageAsync($"/progress/{later.RoundId}/dashboard");
        Assert.Equal("2", Cell(html, "trend", earlier.ToString(), "a"));
        Assert.Equal("1", Cell(html, "trend", earlier.ToString(), "i"));
        Assert.Equal("3", Cell(html, "trend", later.RoundId.ToString(), "a"));
        Assert.DoesNotContain($"data-key=\"{sample.RoundId}\"", Regex.Match(html, "data-testid=\"table-trend\".*?</table>", RegexOptions.Singleline).Value);
        Assert.Contains("data-testid=\"trend-chart\"><svg", html);

        var sampleHtml = await pref.GetPageAsync($"/progress/{sample.RoundId}/dashboard");
        Assert.Contains("data-testid=\"sample-banner\"", sampleHtml);
        Assert.Contains(SummaryText.SampleNotice, sampleHtml);
        Assert.DoesNotContain($"data-key=\"{later.RoundId}\"", Regex.Match(sampleHtml, "data-testid=\"table-trend\".*?</table>", RegexOptions.Singleline).Value);
    }

    /// <summary>The text of one cell of a dashboard table, found by the table key, the row key and the column key.</summary>
    public static string Cell(string html, string table, string row, string column)
    {
        var t = Regex.Match(html, $"data-testid=\"table-{Regex.Escape(table)}\".*?</table>", RegexOptions.Singleline);
        Assert.True(t.Success, $"table {table}");
        var r = Regex.Match(t.Value, $"<tr data-key=\"{Regex.Escape(row)}\"[^>]*>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(r.Success, $"row {row} of {table}");
        var c = Regex.Match(r.Groups[1].Value, $"data-col=\"{Regex.Escape(column)}\"[^>]*>([^<]*)<");
        Assert.True(c.Success, $"column {column} of {table}/{row}");
        return WebUtility.HtmlDecode(c.Groups[1].Value.Trim());
    }
}
