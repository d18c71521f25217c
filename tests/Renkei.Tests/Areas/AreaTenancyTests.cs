using System.Net;
using Renkei.Tests.Support;
using static Renkei.Tests.Areas.AreaKit;

namespace Renkei.Tests.Areas;

/// <summary>A prefecture's workspaces are its own: another prefecture sees none of them, providers see none at all.</summary>
[Collection(AppCollection.Name)]
public sealed class AreaTenancyTests(AppFixture app)
{
    [Fact]
    public async Task Another_prefecture_sees_no_tottori_area_and_gets_404_for_its_records()
    {
        var (ruleId, versions) = await SeedRuleAsync(app.Factory, East, "越境テスト：鳥取の様式");
        using var shimane = await WebSession.SignInAsync(app.Factory, "shimane-staff");
        var list = await shimane.GetPageAsync("/areas");
        Assert.Contains("/areas/3201", list, StringComparison.Ordinal); // 松江
        Assert.DoesNotContain("/areas/31", list, StringComparison.Ordinal);
        Assert.DoesNotContain("越境テスト", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await shimane.GetAsync("/areas?pref=31")).StatusCode);
        foreach (var url in new[]
        {
            $"/areas/{East}", $"/areas/{East}/rules/edit/{ruleId}", $"/areas/{East}/rules/{ruleId}/adopt", $"/areas/{East}/export?table=adoptions&format=csv",
            $"/areas/documents/{versions[0]}", $"/areas/{East}/meetings/edit", $"/areas/{East}/activities/edit",
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await shimane.GetAsync(url)).StatusCode);
        }
        // Its own areas work, with nothing of Tottori's in them.
        Assert.DoesNotContain("越境テスト", await shimane.GetPageAsync("/areas/3201"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tottori_overview_counts_rules_and_adoptions_per_area_for_every_reader_of_the_prefecture()
    {
        var (ruleId, versions) = await SeedRuleAsync(app.Factory, West, "概要テスト：西部の共通様式");
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        Assert.Equal(HttpStatusCode.Redirect, (await AdoptAsync(pref, West, ruleId, versions[1], TestWorld.Yonago, new DateOnly(ThisYear, 4, 2))).StatusCode);
        foreach (var reader in new[] { "pref-staff", "hc-staff", "yonago-staff", "tottori-staff" })
        {
            using var session = await WebSession.SignInAsync(app.Factory, reader);
            var page = WebUtility.HtmlDecode(await session.GetPageAsync("/areas"));
            foreach (var area in new[] { "東部", "中部", "西部" }) Assert.Contains($">{area}</a>", page, StringComparison.Ordinal);
            Assert.Matches(new System.Text.RegularExpressions.Regex("概要テスト：西部の共通様式.*?第2版 を 1／\\d+ 市町村が採用", System.Text.RegularExpressions.RegexOptions.Singleline), page);
            Assert.Contains("href=\"/areas\"", page, StringComparison.Ordinal); // the navigation link
        }
    }

    [Fact]
    public async Task A_provider_reads_no_prefecture_and_gets_no_workspace()
    {
        using var doctor = await WebSession.SignInAsync(app.Factory, "doctor");
        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.GetAsync("/areas")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await doctor.GetAsync($"/areas/{East}")).StatusCode);
        Assert.DoesNotContain("href=\"/areas\"", await doctor.GetPageAsync("/councils"), StringComparison.Ordinal);
        using var anonymous = WebSession.Open(app.Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/areas/{East}")).StatusCode);
    }

    [Fact]
    public async Task A_system_administrator_chooses_the_prefecture()
    {
        using var sys = await WebSession.SignInAsync(app.Factory, "sys");
        Assert.Contains("/areas/3101", await sys.GetPageAsync("/areas"), StringComparison.Ordinal);
        var shimane = await sys.GetPageAsync("/areas?pref=32");
        Assert.Contains("/areas/3207", shimane, StringComparison.Ordinal); // 隠岐
        Assert.DoesNotContain("/areas/3101", shimane, StringComparison.Ordinal);
    }
}
