using System.Net;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Areas;
using Renkei.Web.Features.Audit;
using Renkei.Web.Platform.Data;
using static Renkei.Tests.Areas.AreaKit;

namespace Renkei.Tests.Areas;

/// <summary>Common rules: the prefecture writes them, municipalities record their own adoptions, the prefecture may record on their behalf.</summary>
[Collection(AppCollection.Name)]
public sealed class AreaRuleTests(AppFixture app)
{
    [Fact]
    public async Task Prefecture_staff_create_a_rule_with_two_versions_and_municipalities_adopt_the_latest_one()
    {
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        var ruleId = await CreateRuleAsync(pref, East, "規則テスト：入退院ルール");
        Assert.Equal(HttpStatusCode.Redirect, (await PostVersionAsync(pref, East, ruleId, "第1版", new DateOnly(ThisYear - 1, 10, 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostVersionAsync(pref, East, ruleId, "第2版", new DateOnly(ThisYear, 4, 1))).StatusCode);
        var (first, second) = await VersionIdsAsync(ruleId);

        // 鳥取市 records its own adoption of 第2版.
        using var tottori = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        Assert.Equal(HttpStatusCode.Redirect, (await AdoptAsync(tottori, East, ruleId, second, TestWorld.Tottori, new DateOnly(ThisYear, 5, 1))).StatusCode);
        Assert.Equal(1, await CountAdoptionsAsync(app.Factory, second, TestWorld.Tottori));

        // 米子市 is not in 東部 and may not record for 鳥取市: refused, nothing stored (hidden fields from a page it may open).
        using var yonago = await WebSession.SignInAsync(app.Factory, "yonago-staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await yonago.GetAsync($"/areas/{East}/rules/{ruleId}/adopt")).StatusCode);
        var refused = await AdoptAsync(yonago, East, ruleId, first, TestWorld.Tottori, new DateOnly(ThisYear, 5, 2), formFrom: "/areas");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(0, await CountAdoptionsAsync(app.Factory, first, TestWorld.Tottori));

        // The matrix shows 鳥取市 on the latest version and every other town of 東部 behind it.
        var page = await pref.GetPageAsync($"/areas/{East}");
        var matrix = Section(page, $"matrix-{ruleId}");
        var behind = BehindLatest(matrix);
        Assert.DoesNotContain(TestWorld.Tottori, behind);
        Assert.Equal(["313025", "313254", "313289", "313297"], behind);
        Assert.Contains("最新版 第2版 を採用：1／5 市町村", System.Net.WebUtility.HtmlDecode(matrix), StringComparison.Ordinal);
        // 鳥取市's staff see the whole matrix, not only their own row.
        Assert.Equal(behind, BehindLatest(Section(await tottori.GetPageAsync($"/areas/{East}"), $"matrix-{ruleId}")));

        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        var key = ruleId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(AreaRule) && a.EntityKey == key && a.Action == AuditActions.Create && a.UserName == "pref-staff"));
        var adoption = await db.AreaRuleAdoptions.SingleAsync(a => a.VersionId == second);
        Assert.Equal("tottori-staff", adoption.RecordedBy);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(AreaRuleAdoption) && a.EntityKey == adoption.Id.ToString() && a.Action == AuditActions.Create
            && a.UserName == "tottori-staff" && a.MunicipalityCode == TestWorld.Tottori));
    }

    [Fact]
    public async Task Prefecture_staff_record_an_adoption_on_a_municipalitys_behalf()
    {
        var (ruleId, versions) = await SeedRuleAsync(app.Factory, West, "規則テスト：西部の退院様式");
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        Assert.Equal(HttpStatusCode.Redirect, (await AdoptAsync(pref, West, ruleId, versions[1], TestWorld.Yonago, new DateOnly(ThisYear, 6, 1))).StatusCode);
        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        var adoption = await db.AreaRuleAdoptions.SingleAsync(a => a.VersionId == versions[1]);
        Assert.Equal((TestWorld.Yonago, "pref-staff", new DateOnly(ThisYear, 6, 1)), (adoption.MunicipalityCode, adoption.RecordedBy, adoption.AdoptedOn));
        // 米子市's own staff see it and may remove it; the health centre (which covers only 鳥取市) may not record for 西部.
        using var yonago = await WebSession.SignInAsync(app.Factory, "yonago-staff");
        Assert.Contains("第2版", await yonago.GetPageAsync($"/areas/{West}/adoptions/{adoption.Id}"), StringComparison.Ordinal);
        using var hc = await WebSession.SignInAsync(app.Factory, "hc-staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await hc.GetAsync($"/areas/{West}/rules/{ruleId}/adopt")).StatusCode);
    }

    [Fact]
    public async Task An_adoption_is_deleted_after_confirmation_by_its_municipality_and_hidden_from_others()
    {
        var (ruleId, versions) = await SeedRuleAsync(app.Factory, East, "規則テスト：採用の取消し");
        using var tottori = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        Assert.Equal(HttpStatusCode.Redirect, (await AdoptAsync(tottori, East, ruleId, versions[1], TestWorld.Tottori, new DateOnly(ThisYear, 4, 5))).StatusCode);
        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        var id = (await db.AreaRuleAdoptions.SingleAsync(a => a.VersionId == versions[1])).Id;
        var url = $"/areas/{East}/adoptions/{id}";
        Assert.Contains("data-confirm=", await tottori.GetPageAsync(url), StringComparison.Ordinal);
        using var yonago = await WebSession.SignInAsync(app.Factory, "yonago-staff");
        Assert.Equal(HttpStatusCode.NotFound, (await yonago.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(yonago, url + "?handler=Delete", [], formFrom: "/areas")).StatusCode);
        Assert.True(await db.AreaRuleAdoptions.AnyAsync(a => a.Id == id));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(tottori, url + "?handler=Delete", [], formFrom: url)).StatusCode);
        Assert.False(await db.AreaRuleAdoptions.AnyAsync(a => a.Id == id));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(AreaRuleAdoption) && a.EntityKey == id.ToString() && a.Action == AuditActions.Delete && a.UserName == "tottori-staff"));
    }

    [Fact]
    public async Task A_municipality_cannot_create_or_edit_a_rule()
    {
        var (ruleId, _) = await SeedRuleAsync(app.Factory, East, "規則テスト：市は編集できない");
        using var tottori = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await tottori.GetAsync($"/areas/{East}/rules/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tottori.GetAsync($"/areas/{East}/rules/edit/{ruleId}")).StatusCode);
        var post = await PostAsync(tottori, $"/areas/{East}/rules/edit", [("Form.Kind", "Rule"), ("Form.Title", "規則テスト：市が作ろうとした")], formFrom: $"/areas/{East}");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tottori.GetAsync($"/areas/{East}/rules/{ruleId}/versions/edit")).StatusCode);
        var page = await tottori.GetPageAsync($"/areas/{East}");
        Assert.DoesNotContain("ルール・様式を登録", page, StringComparison.Ordinal);
        Assert.Contains("採用を記録", page, StringComparison.Ordinal);
        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        Assert.False(await db.AreaRules.AnyAsync(r => r.Title == "規則テスト：市が作ろうとした"));
    }

    [Fact]
    public async Task A_second_adoption_of_the_same_version_is_refused_with_a_japanese_message_and_one_row_stays()
    {
        var (ruleId, versions) = await SeedRuleAsync(app.Factory, East, "規則テスト：二重の採用");
        using var tottori = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        Assert.Equal(HttpStatusCode.Redirect, (await AdoptAsync(tottori, East, ruleId, versions[0], TestWorld.Tottori, new DateOnly(ThisYear, 4, 10))).StatusCode);
        var again = await AdoptAsync(tottori, East, ruleId, versions[0], TestWorld.Tottori, new DateOnly(ThisYear, 4, 20));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("鳥取市による第1版の採用は、すでに記録されています", System.Net.WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await CountAdoptionsAsync(app.Factory, versions[0], TestWorld.Tottori));
    }

    [Fact]
    public async Task A_stale_rule_edit_is_refused_and_the_newer_text_kept()
    {
        var (ruleId, _) = await SeedRuleAsync(app.Factory, East, "規則テスト：同時編集");
        using var first = await WebSession.SignInAsync(app.Factory, "pref-staff");
        using var second = await WebSession.SignInAsync(app.Factory, "hc-staff");
        var url = $"/areas/{East}/rules/edit/{ruleId}";
        var staleForm = WebSession.HiddenFields(await second.GetPageAsync(url));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(first, url, [("Form.Kind", "Form"), ("Form.Title", "規則テスト：同時編集（県が先に保存）")])).StatusCode);
        staleForm["Form.Kind"] = "Form";
        staleForm["Form.Title"] = "規則テスト：同時編集（保健所は古い画面から）";
        var stale = await second.Client.PostAsync(url, new FormUrlEncodedContent(staleForm));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(Concurrency.Message, System.Net.WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        Assert.Equal("規則テスト：同時編集（県が先に保存）", (await db.AreaRules.SingleAsync(r => r.Id == ruleId)).Title);
    }

    [Fact]
    public async Task A_rule_without_a_title_or_with_an_unknown_kind_is_refused_with_japanese_messages_and_nothing_is_stored()
    {
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        var description = "規則テスト：題名なし " + Guid.NewGuid().ToString("N")[..8];
        var response = await PostAsync(pref, $"/areas/{East}/rules/edit", [("Form.Kind", "Rule"), ("Form.Title", "  "), ("Form.Description", description)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("名称を入力してください。", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var badKind = await PostAsync(pref, $"/areas/{East}/rules/edit", [("Form.Kind", "99"), ("Form.Title", description)]);
        Assert.Equal(HttpStatusCode.OK, badKind.StatusCode);
        // An undefined kind is refused by model binding with the project's Japanese binding message.
        Assert.Contains("「99」は正しい値ではありません。", System.Net.WebUtility.HtmlDecode(await badKind.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        Assert.False(await db.AreaRules.AnyAsync(r => r.Description == description || r.Title == description));
    }

    [Fact]
    public async Task A_duplicate_version_label_is_refused_with_a_message()
    {
        var (ruleId, _) = await SeedRuleAsync(app.Factory, East, "規則テスト：版名の重複");
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        var response = await PostVersionAsync(pref, East, ruleId, "第2版", new DateOnly(ThisYear, 9, 1));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("「第2版」はこのルール・様式にすでにあります", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        Assert.Equal(2, await db.AreaRuleVersions.CountAsync(v => v.RuleId == ruleId));
    }

    private async Task<(int First, int Second)> VersionIdsAsync(int ruleId)
    {
        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        var ids = await db.AreaRuleVersions.Where(v => v.RuleId == ruleId).OrderBy(v => v.EffectiveFrom).Select(v => v.Id).ToListAsync();
        Assert.Equal(2, ids.Count);
        return (ids[0], ids[1]);
    }
}
