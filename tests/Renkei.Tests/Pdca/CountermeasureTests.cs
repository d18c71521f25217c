using System.Net;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Pdca;
using static Renkei.Tests.Pdca.PdcaKit;

namespace Renkei.Tests.Pdca;

[Collection(AppCollection.Name)]
public sealed class CountermeasureTests(AppFixture app)
{
    private static readonly string New = $"/pdca/countermeasures/edit?muni={TestWorld.Tottori}";

    private static (string, string)[] Measure(string title, string item, params (string, string)[] more) =>
        [("Form.Title", title), ("Form.Item", item), ("Form.Status", "InProgress"), ("Form.Owner", "長寿社会課"), .. more];

    [Fact]
    public async Task A_countermeasure_linked_to_an_issue_shows_on_both_pages_and_is_evaluated_per_year()
    {
        var issueId = await SeedIssueAsync(app.Factory, "連携：退院調整が遅れる");
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var saved = await PostAsync(staff, New, Measure("連携：退院支援ルール", "U", ("Form.IssueIds", issueId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Form.StartOn", $"{ThisYear}-04-01"), ("Form.EndOn", $"{ThisYear + 1}-03-31")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = IdFrom(saved);
        Assert.Contains("連携：退院調整が遅れる", await TextAsync(await staff.GetAsync($"/pdca/countermeasures/{id}")), StringComparison.Ordinal);
        Assert.Contains("連携：退院支援ルール", await TextAsync(await staff.GetAsync($"/pdca/issues/{issueId}")), StringComparison.Ordinal);

        var evaluated = await PostAsync(staff, $"/pdca/countermeasures/{id}?year={ThisYear}", ("Evaluation.Achievement", "Partly"), ("Evaluation.Text", "連携：2病院で試行"));
        Assert.Equal(HttpStatusCode.Redirect, evaluated.StatusCode);
        var year = await TextAsync(await staff.GetAsync($"/pdca/{ThisYear}?muni={TestWorld.Tottori}"));
        Assert.Contains("連携：2病院で試行", year, StringComparison.Ordinal); // Check
        Assert.Contains("連携：退院支援ルール", year, StringComparison.Ordinal); // Do
        Assert.DoesNotContain("連携：退院支援ルール", await TextAsync(await staff.GetAsync($"/pdca/{ThisYear - 2}?muni={TestWorld.Tottori}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Items_a_and_i_and_an_end_before_the_start_are_refused()
    {
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var itemA = await PostAsync(staff, New, Measure("拒否：項目ア", "A"));
        Assert.Equal(HttpStatusCode.OK, itemA.StatusCode);
        Assert.Contains("事業項目は（ウ）〜（ク）から選んでください", await TextAsync(itemA), StringComparison.Ordinal);
        var backwards = await PostAsync(staff, New, Measure("拒否：逆の期間", "Ka", ("Form.StartOn", "2026-10-01"), ("Form.EndOn", "2026-09-30")));
        Assert.Contains("終了日は開始日以降の日付にしてください。", await TextAsync(backwards), StringComparison.Ordinal);
        var sameDay = await PostAsync(staff, New, Measure("拒否せず：同日", "Ka", ("Form.StartOn", "2026-10-01"), ("Form.EndOn", "2026-10-01")));
        Assert.Equal(HttpStatusCode.Redirect, sameDay.StatusCode);
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.False(await db.Countermeasures.AnyAsync(c => c.Title.StartsWith("拒否：")));
    }

    [Fact]
    public async Task The_countermeasure_export_lists_the_municipalitys_countermeasures_with_their_issues()
    {
        var issueId = await SeedIssueAsync(app.Factory, "出力：相談窓口が知られていない");
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        await PostAsync(staff, New, Measure("出力：窓口の周知", "O", ("Form.IssueIds", issueId.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var csv = await (await staff.GetAsync($"/pdca/countermeasures?handler=csv&muni={TestWorld.Tottori}")).Content.ReadAsStringAsync();
        var line = csv.Split("\r\n").Single(l => l.Contains("出力：窓口の周知", StringComparison.Ordinal));
        Assert.Contains("（オ）", line, StringComparison.Ordinal);
        Assert.Contains("出力：相談窓口が知られていない", line, StringComparison.Ordinal);
        Assert.StartsWith("ID,事業項目,対応策", csv, StringComparison.Ordinal);
    }
}
