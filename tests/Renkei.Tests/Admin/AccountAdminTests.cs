using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Features.Audit;

namespace Renkei.Tests.Admin;

/// <summary>/admin/users: who may create and see which accounts.</summary>
[Collection(AppCollection.Name)]
public sealed class AccountAdminTests(AppFixture app)
{
    [Fact]
    public async Task An_org_admin_creates_an_account_in_own_organisation_that_signs_in_with_the_password_shown_once()
    {
        using var admin = await WebSession.SignInAsync(app.Factory, "tottori-admin");
        var form = await admin.GetPageAsync("/admin/users/new");
        Assert.Contains("鳥取市（所属組織のアカウントのみ作成できます）", form, StringComparison.Ordinal);
        var name = AdminKit.NewName("staff");

        // A forged organisation field is ignored: an org admin always creates in their own organisation.
        var response = await AdminKit.PostNewAccountAsync(admin, name, Roles.ProgramStaff, app.Orgs["yonago"]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("一度だけ", html, StringComparison.Ordinal);
        var password = AdminKit.IssuedPassword(html);

        var account = await AdminKit.FindAccountAsync(app.Factory, name);
        Assert.NotNull(account);
        Assert.Equal(app.Orgs["tottori"], account.OrganisationId);
        Assert.Equal([Roles.ProgramStaff], await AdminKit.RolesOfAsync(app.Factory, name));
        Assert.Equal(SignInOutcome.SignedIn, await AdminKit.TrySignInAsync(app.Factory, name, password));

        // Listed with its Japanese role; the password is on no other page.
        var list = await admin.GetPageAsync("/admin/users?q=" + name);
        Assert.Contains(name, list, StringComparison.Ordinal);
        Assert.Contains("事業担当者", list, StringComparison.Ordinal);
        Assert.DoesNotContain(password, list, StringComparison.Ordinal);
        Assert.DoesNotContain(password, await admin.GetPageAsync($"/admin/users/{account.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_org_admin_cannot_grant_the_system_admin_role()
    {
        using var admin = await WebSession.SignInAsync(app.Factory, "tottori-admin");
        Assert.DoesNotContain("value=\"SystemAdmin\"", await admin.GetPageAsync("/admin/users/new"), StringComparison.Ordinal);
        var name = AdminKit.NewName("grab");
        var response = await AdminKit.PostNewAccountAsync(admin, name, Roles.SystemAdmin);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("システム管理者の役割を付与できません", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await AdminKit.FindAccountAsync(app.Factory, name));
    }

    [Fact]
    public async Task Bad_input_gets_japanese_messages_and_creates_nothing()
    {
        using var admin = await WebSession.SignInAsync(app.Factory, "sys");
        var duplicate = await AdminKit.PostNewAccountAsync(admin, "tottori-staff", Roles.ProgramStaff, app.Orgs["tottori"]);
        Assert.Contains("ユーザー名「tottori-staff」はすでに使われています", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var name = AdminKit.NewName("norole");
        var noRole = await AdminKit.PostNewAccountAsync(admin, name, "", null);
        var html = await noRole.Content.ReadAsStringAsync();
        Assert.Contains("役割を一覧から選んでください", html, StringComparison.Ordinal);
        Assert.Contains("組織を一覧から選んでください", html, StringComparison.Ordinal);
        Assert.Null(await AdminKit.FindAccountAsync(app.Factory, name));
    }

    [Fact]
    public async Task A_system_admin_creates_accounts_in_any_organisation_with_any_role()
    {
        using var sys = await WebSession.SignInAsync(app.Factory, "sys");
        var name = AdminKit.NewName("yadmin");
        await AdminKit.CreateAccountAsync(app.Factory, sys, name, Roles.SystemAdmin, app.Orgs["yonago"]);
        Assert.Equal(app.Orgs["yonago"], (await AdminKit.FindAccountAsync(app.Factory, name))!.OrganisationId);
        Assert.Equal([Roles.SystemAdmin], await AdminKit.RolesOfAsync(app.Factory, name));
    }

    [Fact]
    public async Task An_org_admin_sees_only_own_accounts_and_gets_403_for_any_other()
    {
        using var tottori = await WebSession.SignInAsync(app.Factory, "tottori-admin");
        var list = await tottori.GetPageAsync("/admin/users?q=staff");
        Assert.Contains("tottori-staff", list, StringComparison.Ordinal);
        Assert.DoesNotContain("yonago-staff", list, StringComparison.Ordinal);
        using var sys = await WebSession.SignInAsync(app.Factory, "sys");
        var all = await sys.GetPageAsync("/admin/users?q=staff");
        Assert.Contains("tottori-staff", all, StringComparison.Ordinal);
        Assert.Contains("yonago-staff", all, StringComparison.Ordinal);

        // Another organisation's account: neither the page nor any action, even with a valid form.
        var yonagoStaff = await AdminKit.AccountIdAsync(app.Factory, "yonago-staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await tottori.GetAsync($"/admin/users/{yonagoStaff}")).StatusCode);
        foreach (var op in new[] { "disable", "reset-password", "unlock", "enable" })
        {
            var post = await AdminKit.ActAsync(tottori, yonagoStaff, op, formPage: "/admin/users/new");
            Assert.True(post.StatusCode == HttpStatusCode.Forbidden, $"{op}: {(int)post.StatusCode}");
        }
        Assert.Equal(SignInOutcome.SignedIn, await AdminKit.TrySignInAsync(app.Factory, "yonago-staff", TestWorld.Password));
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.AccessDenied && a.EntityKey == yonagoStaff && a.UserName == "tottori-admin"));
    }

    [Fact]
    public async Task An_org_admin_cannot_manage_a_system_admin_of_own_organisation()
    {
        using var sys = await WebSession.SignInAsync(app.Factory, "sys");
        var (id, _) = await AdminKit.CreateAccountAsync(app.Factory, sys, AdminKit.NewName("tsys"), Roles.SystemAdmin, app.Orgs["tottori"]);
        using var tottori = await WebSession.SignInAsync(app.Factory, "tottori-admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await tottori.GetAsync($"/admin/users/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await AdminKit.ActAsync(tottori, id, "reset-password", formPage: "/admin/users/new")).StatusCode);
    }

    [Theory]
    [InlineData("tottori-staff")]
    [InlineData("doctor")]
    public async Task Non_admins_get_403_on_every_admin_page_and_post(string user)
    {
        using var session = await WebSession.SignInAsync(app.Factory, user);
        foreach (var url in new[] { "/admin/users", "/admin/users/new", "/admin/audit", "/admin/audit?handler=csv" })
            Assert.True((await session.GetAsync(url)).StatusCode == HttpStatusCode.Forbidden, url);
        var target = await AdminKit.AccountIdAsync(app.Factory, "tottori-staff");
        // Valid form tokens of the user's own, from a page they may open: the refusal must come from the role check.
        var fields = FormFields(await session.GetPageAsync("/account/two-factor"), new() { ["op"] = "disable" });
        Assert.Equal(HttpStatusCode.Forbidden, (await session.PostAsync($"/admin/users/{target}", fields)).StatusCode);
        fields = FormFields(await session.GetPageAsync("/account/two-factor"), new()
        {
            ["Form.UserName"] = AdminKit.NewName("sneak"), ["Form.DisplayName"] = "x", ["Form.Role"] = Roles.OrgAdmin,
            ["Form.OrganisationId"] = app.Orgs["tottori"].ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Forbidden, (await session.PostAsync("/admin/users/new", fields)).StatusCode);
        Assert.Null(await AdminKit.FindAccountAsync(app.Factory, fields["Form.UserName"]));
    }

    private static Dictionary<string, string> FormFields(string html, Dictionary<string, string> overrides)
    {
        var fields = WebSession.HiddenFields(html, overrides);
        Assert.Contains("__RequestVerificationToken", fields.Keys);
        return fields;
    }
}
