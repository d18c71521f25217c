using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Tests.Support;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Features.Admin;

namespace Renkei.Tests.Admin;

/// <summary>/admin/users/{id}: unlock, reset password, disable and enable, checked by signing in afterwards.</summary>
[Collection(AppCollection.Name)]
public sealed class AccountActionsTests(AppFixture app)
{
    [Fact]
    public async Task Reset_password_shows_a_new_password_that_works_and_the_old_one_stops_working()
    {
        using var admin = await WebSession.SignInAsync(app.Factory, "tottori-admin");
        var name = AdminKit.NewName("reset");
        var (id, oldPassword) = await AdminKit.CreateAccountAsync(app.Factory, admin, name);

        var response = await AdminKit.ActAsync(admin, id, "reset-password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("一度だけ", html, StringComparison.Ordinal);
        var newPassword = AdminKit.IssuedPassword(html);
        Assert.NotEqual(oldPassword, newPassword);

        Assert.Equal(SignInOutcome.WrongPassword, await AdminKit.TrySignInAsync(app.Factory, name, oldPassword));
        Assert.Equal(SignInOutcome.SignedIn, await AdminKit.TrySignInAsync(app.Factory, name, newPassword));
        Assert.DoesNotContain(newPassword, await admin.GetPageAsync($"/admin/users/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_blocks_sign_in_and_enable_restores_it()
    {
        using var admin = await WebSession.SignInAsync(app.Factory, "tottori-admin");
        var name = AdminKit.NewName("off");
        var (id, password) = await AdminKit.CreateAccountAsync(app.Factory, admin, name);

        var disabled = await AdminKit.ActAsync(admin, id, "disable");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        var page = await admin.GetPageAsync(disabled.Headers.Location!.OriginalString);
        Assert.Contains("アカウントを無効にしました", page, StringComparison.Ordinal);
        Assert.Contains("value=\"enable\"", page, StringComparison.Ordinal);
        Assert.Equal(SignInOutcome.LockedOut, await AdminKit.TrySignInAsync(app.Factory, name, password));
        Assert.True(AccountLock.IsDisabled((await AdminKit.FindAccountAsync(app.Factory, name))!.LockoutEnd));
        Assert.Contains("無効（サインイン不可）", await admin.GetPageAsync("/admin/users?q=" + name), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await AdminKit.ActAsync(admin, id, "enable")).StatusCode);
        Assert.Equal(SignInOutcome.SignedIn, await AdminKit.TrySignInAsync(app.Factory, name, password));
    }

    [Fact]
    public async Task Disable_renews_the_security_stamp_so_open_sessions_end()
    {
        using var admin = await WebSession.SignInAsync(app.Factory, "tottori-admin");
        var name = AdminKit.NewName("sess");
        var (id, _) = await AdminKit.CreateAccountAsync(app.Factory, admin, name);
        var before = (await AdminKit.FindAccountAsync(app.Factory, name))!.SecurityStamp;
        Assert.Equal(HttpStatusCode.Redirect, (await AdminKit.ActAsync(admin, id, "disable")).StatusCode);
        // Cookies carry the stamp; Identity's periodic check refuses one whose stamp is no longer current.
        Assert.NotEqual(before, (await AdminKit.FindAccountAsync(app.Factory, name))!.SecurityStamp);
    }

    [Fact]
    public async Task Nobody_can_disable_themselves()
    {
        using var admin = await WebSession.SignInAsync(app.Factory, "yonago-admin");
        var self = await AdminKit.AccountIdAsync(app.Factory, "yonago-admin");
        try
        {
            var page = await admin.GetPageAsync($"/admin/users/{self}");
            Assert.DoesNotContain("value=\"disable\"", page, StringComparison.Ordinal);
            var response = await AdminKit.ActAsync(admin, self, "disable");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("自分自身のアカウントは無効にできません", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Null((await AdminKit.FindAccountAsync(app.Factory, "yonago-admin"))!.LockoutEnd);
        }
        finally
        {
            // Should the refusal ever break, do not leave a shared test account disabled for the other tests.
            var (scope, _) = app.Factory.SystemDb();
            await using var __ = scope;
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(self))!, null);
        }
    }

    [Fact]
    public async Task Unlock_lets_a_locked_out_account_sign_in_again()
    {
        using var admin = await WebSession.SignInAsync(app.Factory, "tottori-admin");
        var name = AdminKit.NewName("lock");
        var (id, password) = await AdminKit.CreateAccountAsync(app.Factory, admin, name);
        for (var i = 0; i < 5; i++) await AdminKit.TrySignInAsync(app.Factory, name, "Wrong-Password-99");
        Assert.Equal(SignInOutcome.LockedOut, await AdminKit.TrySignInAsync(app.Factory, name, password));
        Assert.Contains("までロック中", await admin.GetPageAsync("/admin/users?q=" + name), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await AdminKit.ActAsync(admin, id, "unlock")).StatusCode);
        var account = await AdminKit.FindAccountAsync(app.Factory, name);
        Assert.Equal(0, account!.AccessFailedCount);
        Assert.Equal(SignInOutcome.SignedIn, await AdminKit.TrySignInAsync(app.Factory, name, password));
    }

    [Fact]
    public async Task Unknown_accounts_are_404_and_unknown_actions_400()
    {
        using var admin = await WebSession.SignInAsync(app.Factory, "tottori-admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/users/no-such-id")).StatusCode);
        var staff = await AdminKit.AccountIdAsync(app.Factory, "tottori-staff");
        Assert.Equal(HttpStatusCode.BadRequest, (await AdminKit.ActAsync(admin, staff, "delete")).StatusCode);
    }
}
