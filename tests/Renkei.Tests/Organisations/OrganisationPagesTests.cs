using System.Net;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Audit;
using Renkei.Web.Features.Organisations;

namespace Renkei.Tests.Organisations;

[Collection(AppCollection.Name)]
public sealed class OrganisationPagesTests(AppFixture app)
{
    [Fact]
    public async Task A_municipal_admin_registers_a_centre_in_their_municipality_and_it_is_audited()
    {
        using var admin = await WebSession.SignInAsync(app.Factory, "tottori-admin");
        var response = await admin.PostFormAsync("/organisations/edit", new()
        {
            ["Form.Kind"] = "CommunityCareCentre", ["Form.Name"] = "鳥取市 テスト地域包括支援センター", ["Form.PrefectureCode"] = "31",
            ["Form.MunicipalityCode"] = TestWorld.Tottori, ["Form.CorporateNumber"] = "７００００１２０５０００２", ["Form.Phone"] = "０８５７－１２－３４５６",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        var org = await db.Organisations.SingleAsync(o => o.Id == id);
        Assert.Equal("7000012050002", org.CorporateNumber);
        Assert.Equal("0857-12-3456", org.Phone);
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Organisation) && a.EntityKey == id.ToString());
        Assert.Equal(AuditActions.Create, audit.Action);
        Assert.Equal(id, audit.SubjectOrganisationId);
        Assert.Equal(app.Orgs["tottori"], audit.ActorOrganisationId);
    }

    [Fact]
    public async Task A_municipal_admin_cannot_register_or_edit_bodies_of_another_municipality()
    {
        using var admin = await WebSession.SignInAsync(app.Factory, "tottori-admin");
        var response = await admin.PostFormAsync("/organisations/edit", new()
        {
            ["Form.Kind"] = "CareProvider", ["Form.Name"] = "越境テスト事業所", ["Form.PrefectureCode"] = "31", ["Form.MunicipalityCode"] = TestWorld.Yonago,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("この市区町村の組織を登録・変更する権限がありません。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/organisations/edit/{app.Orgs["yonago"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/organisations/edit/{app.Orgs["tottori-pref"]}")).StatusCode);

        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/organisations/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/organisations/{app.Orgs["yonago"]}")).StatusCode);

        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.False(await db.Organisations.AnyAsync(o => o.Name == "越境テスト事業所"));
    }

    [Fact]
    public async Task Bad_identifiers_and_a_missing_name_are_explained_in_japanese()
    {
        using var admin = await WebSession.SignInAsync(app.Factory, "tottori-admin");
        var response = await admin.PostFormAsync("/organisations/edit", new()
        {
            ["Form.Kind"] = "MedicalInstitution", ["Form.Name"] = "", ["Form.PrefectureCode"] = "31", ["Form.MunicipalityCode"] = TestWorld.Tottori,
            ["Form.CorporateNumber"] = "8000012050002", ["Form.Email"] = "not-an-address", ["Form.Phone"] = "電話番号",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("名称を入力してください。", html, StringComparison.Ordinal);
        Assert.Contains("検査数字", html, StringComparison.Ordinal);
        Assert.Contains("メールアドレスの形式が正しくありません。", html, StringComparison.Ordinal);
        Assert.Contains("電話番号は数字とハイフンで入力してください", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_system_admin_sets_a_health_centres_coverage_within_its_prefecture_only()
    {
        using var sys = await WebSession.SignInAsync(app.Factory, "sys");
        var url = $"/organisations/edit/{app.Orgs["hc"]}";
        var form = await sys.GetPageAsync(url);
        var fields = WebSession.HiddenFields(form, new() { ["Form.Kind"] = "HealthCentre", ["Form.Name"] = "テスト保健所", ["Form.PrefectureCode"] = "31" });
        var content = new FormUrlEncodedContent(fields.Select(f => f).Append(new("Form.Coverage", TestWorld.Tottori)).Append(new("Form.Coverage", TestWorld.Matsue)));
        var refused = await sys.Client.PostAsync(url, content);
        Assert.Contains("管轄の市区町村は同じ都道府県の中から選んでください。", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        form = await sys.GetPageAsync(url);
        fields = WebSession.HiddenFields(form, new() { ["Form.Kind"] = "HealthCentre", ["Form.Name"] = "テスト保健所", ["Form.PrefectureCode"] = "31" });
        var ok = await sys.Client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("Form.Coverage", TestWorld.Tottori)).Append(new("Form.Coverage", "313025"))));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var details = await sys.GetPageAsync($"/organisations/{app.Orgs["hc"]}");
        Assert.Contains("鳥取市、岩美町", details, StringComparison.Ordinal);

        // Put it back as the other tests expect (coverage: 鳥取市 only).
        form = await sys.GetPageAsync(url);
        fields = WebSession.HiddenFields(form, new() { ["Form.Kind"] = "HealthCentre", ["Form.Name"] = "テスト保健所", ["Form.PrefectureCode"] = "31" });
        Assert.Equal(HttpStatusCode.Redirect, (await sys.Client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("Form.Coverage", TestWorld.Tottori))))).StatusCode);
    }

    [Fact]
    public async Task The_list_filters_and_pages_and_says_when_nothing_matches()
    {
        var (scope, db) = app.Factory.SystemDb();
        await using (scope)
        {
            for (var i = 0; i < 55; i++)
                db.Organisations.Add(new Organisation { Kind = OrganisationKind.CareProvider, Name = $"沖縄テスト事業所{i:00}", PrefectureCode = "47", MunicipalityCode = "472018" });
            await db.SaveChangesAsync();
        }
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var first = await staff.GetPageAsync("/organisations?pref=47&kind=CareProvider");
        Assert.Contains("全 55 件中 1–50 件を表示（1 / 2 ページ）", first, StringComparison.Ordinal);
        var second = await staff.GetPageAsync("/organisations?pref=47&kind=CareProvider&p=2");
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Matches(second, "沖縄テスト事業所").Count);
        var none = await staff.GetPageAsync("/organisations?pref=47&q=存在しない名前");
        Assert.Contains("条件に合う組織はありません。", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_admins_editing_one_organisation_the_second_save_is_refused()
    {
        using var a = await WebSession.SignInAsync(app.Factory, "sys");
        using var b = await WebSession.SignInAsync(app.Factory, "sys");
        var url = $"/organisations/edit/{app.Orgs["clinic"]}";
        var formA = await a.GetPageAsync(url);
        var formB = await b.GetPageAsync(url);
        var common = new Dictionary<string, string> { ["Form.Kind"] = "MedicalInstitution", ["Form.PrefectureCode"] = "31", ["Form.MunicipalityCode"] = TestWorld.Tottori };
        Assert.Equal(HttpStatusCode.Redirect, (await a.PostFormAsync(url, new(common) { ["Form.Name"] = "テスト診療所", ["Form.Address"] = "鳥取市A" }, formA)).StatusCode);
        var stale = await b.PostFormAsync(url, new(common) { ["Form.Name"] = "テスト診療所", ["Form.Address"] = "鳥取市B" }, formB);
        Assert.Contains("他の人がこのデータを更新しています", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.Equal("鳥取市A", (await db.Organisations.SingleAsync(o => o.Id == app.Orgs["clinic"])).Address);
    }
}
