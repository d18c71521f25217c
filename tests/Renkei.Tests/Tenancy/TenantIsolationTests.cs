using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Audit;
using Renkei.Web.Features.Program;

namespace Renkei.Tests.Tenancy;

/// <summary>
/// Tenant scoping, tried from outside through pages and the API: each user attempts to read and
/// change other tenants' program data, and must fail without anything being written.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TenantIsolationTests(AppFixture app)
{
    [Theory]
    [InlineData("tottori-staff", TestWorld.Tottori, HttpStatusCode.OK)]
    [InlineData("tottori-staff", TestWorld.Yonago, HttpStatusCode.Forbidden)]
    [InlineData("tottori-staff", TestWorld.Matsue, HttpStatusCode.Forbidden)]
    [InlineData("pref-staff", TestWorld.Yonago, HttpStatusCode.OK)]
    [InlineData("pref-staff", TestWorld.Matsue, HttpStatusCode.Forbidden)]
    [InlineData("shimane-staff", TestWorld.Matsue, HttpStatusCode.OK)]
    [InlineData("shimane-staff", TestWorld.Tottori, HttpStatusCode.Forbidden)]
    [InlineData("hc-staff", TestWorld.Tottori, HttpStatusCode.OK)]
    [InlineData("hc-staff", TestWorld.Yonago, HttpStatusCode.Forbidden)]
    [InlineData("doctor", TestWorld.Tottori, HttpStatusCode.Forbidden)]
    public async Task Municipality_home_and_api_are_readable_only_within_scope(string user, string municipality, HttpStatusCode expected)
    {
        using var session = await WebSession.SignInAsync(app.Factory, user);
        Assert.Equal(expected, (await session.GetAsync($"/municipalities/{municipality}")).StatusCode);
        Assert.Equal(expected, (await session.GetAsync($"/api/municipalities/{municipality}/arrangements")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_get_no_program_data()
    {
        using var session = WebSession.Open(app.Factory);
        var page = await session.GetAsync($"/municipalities/{TestWorld.Tottori}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("http://localhost/account/login", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync($"/api/municipalities/{TestWorld.Tottori}/arrangements")).StatusCode);
    }

    [Theory]
    [InlineData("tottori-staff", TestWorld.Yonago)]
    [InlineData("pref-staff", TestWorld.Yonago)]
    [InlineData("hc-staff", TestWorld.Tottori)]
    [InlineData("doctor", TestWorld.Tottori)]
    public async Task Writes_outside_the_write_scope_are_refused_by_page_and_api_and_change_nothing(string user, string municipality)
    {
        using var owner = await WebSession.SignInAsync(app.Factory, municipality == TestWorld.Tottori ? "tottori-staff" : "yonago-staff");
        using var intruder = await WebSession.SignInAsync(app.Factory, user);
        // The intruder cannot even open the form…
        Assert.Equal(HttpStatusCode.Forbidden, (await intruder.GetAsync($"/municipalities/{municipality}/arrangements/ki")).StatusCode);
        // …so posts one built from the owner's form (valid antiforgery for the intruder's own session is taken from a page they can open).
        var ownForm = await intruder.GetPageAsync("/account/two-factor");
        var fields = WebSession.HiddenFields(ownForm, new() { ["Form.Method"] = "Direct", ["Form.Department"] = "侵入テスト", ["Form.Version"] = "0" });
        fields.Remove("Form.Code");
        var post = await intruder.PostAsync($"/municipalities/{municipality}/arrangements/ki", fields);
        Assert.True(post.StatusCode == HttpStatusCode.Forbidden, await post.Content.ReadAsStringAsync());

        var put = await intruder.Client.PutAsJsonAsync($"/api/municipalities/{municipality}/arrangements/ki",
            new { method = 1, department = "侵入テスト", version = 0 });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);

        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.False(await db.ItemArrangements.AnyAsync(a => a.Department == "侵入テスト"));
    }

    [Fact]
    public async Task Staff_write_their_own_municipality_through_page_and_api_and_every_change_is_audited()
    {
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var response = await staff.PostFormAsync($"/municipalities/{TestWorld.Tottori}/arrangements/ka",
            new() { ["Form.Method"] = "Direct", ["Form.Department"] = "長寿社会課" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await staff.GetPageAsync($"/municipalities/{TestWorld.Tottori}");
        Assert.Contains("担当：長寿社会課", home, StringComparison.Ordinal);

        var list = await staff.Client.GetFromJsonAsync<List<ArrangementApi.ArrangementDto>>($"/api/municipalities/{TestWorld.Tottori}/arrangements");
        var ka = Assert.Single(list!, a => a.Item == "ka");
        var put = await staff.Client.PutAsJsonAsync($"/api/municipalities/{TestWorld.Tottori}/arrangements/ka",
            new { method = 1, department = "地域包括ケア推進課", version = ka.Version });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        var entity = await db.ItemArrangements.SingleAsync(a => a.MunicipalityCode == TestWorld.Tottori && a.Item == ProgramItem.Ka);
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(ItemArrangement) && a.EntityKey == entity.Id.ToString()).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditActions.Create, AuditActions.Update], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("tottori-staff", a.UserName));
        Assert.All(audit, a => Assert.Equal(TestWorld.Tottori, a.MunicipalityCode));
        Assert.Contains("地域包括ケア推進課", audit[1].Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_query_filter_hides_other_tenants_rows_even_when_a_page_forgets_to_check()
    {
        using var yonago = await WebSession.SignInAsync(app.Factory, "yonago-staff");
        var created = await yonago.PostFormAsync($"/municipalities/{TestWorld.Yonago}/arrangements/o", new() { ["Form.Method"] = "Direct", ["Form.Department"] = "米子の相談窓口" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var tottoriScope = new Renkei.Web.Platform.Tenancy.TenantScope(false, false, [TestWorld.Tottori], [TestWorld.Tottori]);
        await using var db = app.Database.CreateContext(tottoriScope);
        Assert.Empty(await db.ItemArrangements.Where(a => a.MunicipalityCode == TestWorld.Yonago).ToListAsync());
        Assert.NotEmpty(await db.ItemArrangements.IgnoreQueryFilters().Where(a => a.MunicipalityCode == TestWorld.Yonago).ToListAsync());

        // And a write smuggled past every page check is stopped at save time.
        db.ItemArrangements.Add(new ItemArrangement { MunicipalityCode = TestWorld.Yonago, Item = ProgramItem.Ku });
        await Assert.ThrowsAsync<Renkei.Web.Platform.Tenancy.TenantAccessDeniedException>(() => db.SaveChangesAsync());
    }
}
