using System.Net;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Audit;

namespace Renkei.Tests.Accounts;

[Collection(AppCollection.Name)]
public sealed class SecurityTests(AppFixture app)
{
    [Fact]
    public async Task Every_page_carries_security_headers_with_a_csp_that_allows_no_inline_script()
    {
        using var session = WebSession.Open(app.Factory);
        var response = await session.GetAsync("/regions");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script>(?!</script>)", html);
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_is_rejected()
    {
        using var session = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var response = await session.PostAsync($"/municipalities/{TestWorld.Tottori}/arrangements/a", new() { ["Form.Method"] = "Direct" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_password_gives_one_message_and_five_failures_lock_the_account()
    {
        using var session = WebSession.Open(app.Factory);
        for (var i = 0; i < 5; i++)
        {
            var failed = await session.PostFormAsync("/account/login", new() { ["Form.UserName"] = "matsue-staff", ["Form.Password"] = "wrong-Password-1" });
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            var html = await failed.Content.ReadAsStringAsync();
            Assert.Contains(i < 4 ? "ユーザー名またはパスワードが正しくありません" : "一時的にロックされています", html, StringComparison.Ordinal);
        }
        // Even the right password is refused while locked.
        var locked = await session.PostFormAsync("/account/login", new() { ["Form.UserName"] = "matsue-staff", ["Form.Password"] = TestWorld.Password });
        Assert.Contains("一時的にロックされています", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.True(await db.AuditEntries.CountAsync(a => a.Action == AuditActions.SignInFailed && a.EntityKey == "matsue-staff") >= 4);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.LockedOut && a.EntityKey == "matsue-staff"));
    }

    [Fact]
    public async Task An_admin_without_two_factor_is_held_at_the_set_up_page_until_a_valid_code_is_entered()
    {
        using var session = WebSession.Open(app.Factory);
        var login = await session.PostFormAsync("/account/login", new() { ["Form.UserName"] = "new-admin", ["Form.Password"] = TestWorld.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var home = await session.GetAsync($"/municipalities/{TestWorld.Yonago}");
        Assert.Equal("/account/two-factor", home.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync($"/api/municipalities/{TestWorld.Yonago}/arrangements")).StatusCode);

        var setUp = await session.GetPageAsync("/account/two-factor");
        var key = System.Text.RegularExpressions.Regex.Match(setUp, "data-testid=\"shared-key\">([a-z0-9 ]+)<").Groups[1].Value;
        Assert.False(string.IsNullOrWhiteSpace(key));

        var wrong = await session.PostFormAsync("/account/two-factor", new() { ["Form.Code"] = "000000" }, setUp);
        Assert.Contains("確認コードが正しくありません", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var right = await session.PostFormAsync("/account/two-factor", new() { ["Form.Code"] = Totp.Code(key, TimeProvider.System.GetUtcNow()) });
        Assert.Contains("回復用コード", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync($"/municipalities/{TestWorld.Yonago}")).StatusCode);
    }

    [Fact]
    public async Task Admins_with_two_factor_need_the_code_to_sign_in()
    {
        using var session = WebSession.Open(app.Factory);
        var login = await session.PostFormAsync("/account/login", new() { ["Form.UserName"] = "yonago-admin", ["Form.Password"] = TestWorld.Password });
        Assert.StartsWith("/account/login-2fa", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        // Without the code there is no session.
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync($"/municipalities/{TestWorld.Yonago}")).StatusCode);
        var bad = await session.PostFormAsync(login.Headers.Location.OriginalString, new() { ["Form.Code"] = "12345" });
        Assert.Contains("確認コードは6桁の数字です", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var good = await session.PostFormAsync(login.Headers.Location.OriginalString, new() { ["Form.Code"] = Totp.Code(TestWorld.AuthenticatorKey, TimeProvider.System.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync($"/municipalities/{TestWorld.Yonago}")).StatusCode);
    }

    [Fact]
    public async Task Auth_cookie_is_http_only()
    {
        using var session = WebSession.Open(app.Factory);
        var login = await session.PostFormAsync("/account/login", new() { ["Form.UserName"] = "tottori-staff", ["Form.Password"] = TestWorld.Password });
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("renkei.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }
}

[Collection(AppCollection.Name)]
public sealed class SignOutTests(AppFixture app)
{
    [Fact]
    public async Task The_sign_out_button_in_the_header_signs_out_and_is_audited()
    {
        using var session = await WebSession.SignInAsync(app.Factory, "yonago-staff");
        var page = await session.GetPageAsync($"/municipalities/{TestWorld.Yonago}");
        // The header's form is the first POST form on the page.
        var header = System.Text.RegularExpressions.Regex.Match(page, "<form[^>]*action=\"/account/logout\".*?</form>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        var response = await session.PostAsync("/account/logout", WebSession.HiddenFields(header));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync($"/municipalities/{TestWorld.Yonago}")).StatusCode);
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignOut && a.UserName == "yonago-staff"));
    }
}
