using System.Net;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Web;

namespace Renkei.Tests.Platform;

[Collection(AppCollection.Name)]
public sealed class FormsTests(AppFixture app)
{
    [Fact]
    public async Task Two_people_editing_one_record_the_second_save_is_refused_with_a_clear_message()
    {
        using var first = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        using var second = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var url = $"/municipalities/{TestWorld.Tottori}/arrangements/u";
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(url, new() { ["Form.Method"] = "Direct", ["Form.Department"] = "最初" })).StatusCode);

        // Both open the form at the same version.
        var formA = await first.GetPageAsync(url);
        var formB = await second.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(url, new() { ["Form.Method"] = "Direct", ["Form.Department"] = "Aさんの変更" }, formA)).StatusCode);
        var stale = await second.PostFormAsync(url, new() { ["Form.Method"] = "Direct", ["Form.Department"] = "Bさんの変更" }, formB);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("他の人がこのデータを更新しています", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        var saved = await db.ItemArrangements.SingleAsync(a => a.MunicipalityCode == TestWorld.Tottori && a.Item == ProgramItem.U);
        Assert.Equal("Aさんの変更", saved.Department);
    }

    [Fact]
    public async Task The_same_form_posted_twice_is_processed_once()
    {
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var url = $"/municipalities/{TestWorld.Tottori}/arrangements/e";
        var form = await staff.GetPageAsync(url);
        var fields = WebSession.HiddenFields(form, new() { ["Form.Method"] = "Direct", ["Form.Department"] = "二重送信テスト" });
        var firstPost = await staff.PostAsync(url, fields);
        var secondPost = await staff.PostAsync(url, fields);
        Assert.Equal($"/municipalities/{TestWorld.Tottori}", firstPost.Headers.Location!.OriginalString);
        Assert.Equal(url, secondPost.Headers.Location!.OriginalString);
        var shown = await staff.GetPageAsync(url);
        Assert.Contains(FormOnceFilter.AlreadyProcessed, System.Net.WebUtility.HtmlDecode(shown), StringComparison.Ordinal);

        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        var row = await db.ItemArrangements.SingleAsync(a => a.MunicipalityCode == TestWorld.Tottori && a.Item == ProgramItem.E);
        Assert.Equal(0, row.Version);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(ItemArrangement) && a.EntityKey == row.Id.ToString()));
    }

    [Fact]
    public async Task Invalid_input_is_explained_in_japanese_and_nothing_is_saved()
    {
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var url = $"/municipalities/{TestWorld.Tottori}/arrangements/ki";
        var response = await staff.PostFormAsync(url, new() { ["Form.Method"] = "Commissioned", ["Form.Department"] = new string('長', 101) });
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("委託の場合は委託先を選んでください。", html, StringComparison.Ordinal);
        Assert.Contains("担当部署は100文字以内で入力してください。", html, StringComparison.Ordinal);
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.False(await db.ItemArrangements.AnyAsync(a => a.MunicipalityCode == TestWorld.Tottori && a.Item == ProgramItem.Ki));
    }

    [Fact]
    public async Task Health_reports_the_database()
    {
        var response = await app.Factory.CreateClient().GetStringAsync("/health");
        Assert.Contains("\"database\":\"Healthy\"", response, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"Healthy\"", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hostile_string_is_stored_as_text_and_shown_escaped()
    {
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var hostile = "<script>alert('x')</script>'; DROP TABLE \"Organisations\"; --";
        var url = $"/municipalities/{TestWorld.Tottori}/arrangements/ku";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(url, new() { ["Form.Method"] = "Direct", ["Form.Department"] = hostile })).StatusCode);
        var home = await staff.GetPageAsync($"/municipalities/{TestWorld.Tottori}");
        Assert.DoesNotContain("<script>alert", home, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert", home, StringComparison.Ordinal);
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.Equal(hostile, (await db.ItemArrangements.SingleAsync(a => a.MunicipalityCode == TestWorld.Tottori && a.Item == ProgramItem.Ku)).Department);
        Assert.True(await db.Organisations.AnyAsync());
    }
}
