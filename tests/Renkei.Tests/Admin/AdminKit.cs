using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Tests.Support;
using Renkei.Web.Features.Accounts;

namespace Renkei.Tests.Admin;

public enum SignInOutcome { SignedIn, WrongPassword, LockedOut }

/// <summary>What the admin tests do again and again, done the way a person would: through the pages.</summary>
public static partial class AdminKit
{
    /// <summary>A user name no other test uses (the fixture's app is shared by the whole collection).</summary>
    public static string NewName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static async Task<HttpResponseMessage> PostNewAccountAsync(WebSession admin, string userName, string role, int? organisationId = null)
    {
        var fields = new Dictionary<string, string> { ["Form.UserName"] = userName, ["Form.DisplayName"] = "テスト " + userName, ["Form.Role"] = role };
        if (organisationId is { } id) fields["Form.OrganisationId"] = id.ToString(CultureInfo.InvariantCulture);
        return await admin.PostFormAsync("/admin/users/new", fields);
    }

    /// <summary>Creates an account through the page; returns its id and the password the page showed.</summary>
    public static async Task<(string Id, string Password)> CreateAccountAsync(RenkeiFactory factory, WebSession admin, string userName, string role = Roles.ProgramStaff, int? organisationId = null)
    {
        var response = await PostNewAccountAsync(admin, userName, role, organisationId);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        return (await AccountIdAsync(factory, userName), IssuedPassword(html));
    }

    public static string IssuedPassword(string html)
    {
        var match = IssuedPasswordRegex().Match(html);
        Assert.True(match.Success, "no password shown:\n" + html);
        return match.Groups[1].Value;
    }

    public static async Task<string> AccountIdAsync(RenkeiFactory factory, string userName)
    {
        var (scope, db) = factory.SystemDb();
        await using var _ = scope;
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    public static async Task<AppUser?> FindAccountAsync(RenkeiFactory factory, string userName)
    {
        var (scope, db) = factory.SystemDb();
        await using var _ = scope;
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName);
    }

    public static async Task<IList<string>> RolesOfAsync(RenkeiFactory factory, string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetRolesAsync((await users.FindByNameAsync(userName))!);
    }

    /// <summary>Posts one account action from the account's page (fresh form tokens each time, as a browser would).</summary>
    public static async Task<HttpResponseMessage> ActAsync(WebSession admin, string accountId, string op, string? formPage = null)
    {
        var html = await admin.GetPageAsync(formPage ?? $"/admin/users/{accountId}");
        return await admin.PostAsync($"/admin/users/{accountId}", WebSession.HiddenFields(html, new() { ["op"] = op }));
    }

    /// <summary>Tries the sign-in page in a fresh browser session.</summary>
    public static async Task<SignInOutcome> TrySignInAsync(RenkeiFactory factory, string userName, string password)
    {
        using var session = WebSession.Open(factory);
        var response = await session.PostFormAsync("/account/login", new() { ["Form.UserName"] = userName, ["Form.Password"] = password });
        if (response.StatusCode == HttpStatusCode.Redirect) return SignInOutcome.SignedIn;
        var html = await response.Content.ReadAsStringAsync();
        if (html.Contains("一時的にロックされています", StringComparison.Ordinal)) return SignInOutcome.LockedOut;
        Assert.Contains("ユーザー名またはパスワードが正しくありません", html, StringComparison.Ordinal);
        return SignInOutcome.WrongPassword;
    }

    [GeneratedRegex("data-testid=\"issued-password\">([^<]+)<")]
    private static partial Regex IssuedPasswordRegex();
}
