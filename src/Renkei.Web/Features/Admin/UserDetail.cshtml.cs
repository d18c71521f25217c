using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Features.Audit;
using Renkei.Web.Features.Demo;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Admin;

/// <summary>
/// One account and what an admin may do to it: unlock, reset the password, disable, enable.
/// Every action reloads the account and checks <see cref="AdminScope"/> on the server; the
/// changes go through UserManager, so the central audit in <see cref="RenkeiDb"/> records them.
/// </summary>
/// <remarks>
/// No "version the admin saw" check as in the edit forms: these are commands whose result does not
/// depend on what the page showed (unlocking twice is unlocking). Two simultaneous writes are still
/// caught by Identity's concurrency stamp and shown as its (Japanese) concurrency error.
/// </remarks>
[Authorize(Roles = AdminScope.Roles)]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class UserDetailModel(RenkeiDb db, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    public AppUser Account { get; private set; } = null!;
    public string OrganisationName { get; private set; } = "";
    public IList<string> AccountRoles { get; private set; } = [];
    public bool IsSelf { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public IssuedPassword? Issued { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id) => await Load(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(string id, string? op)
    {
        if (op is not ("unlock" or "enable" or "disable" or "reset-password")) return BadRequest();
        if (await Load(id) is { } stop) return stop;
        if (op == "disable" && IsSelf)
        {
            ModelState.AddModelError("", "自分自身のアカウントは無効にできません。");
            return Page();
        }
        // Each action is a few UserManager calls (each one save); they commit together.
        await using var tx = await db.Database.BeginTransactionAsync();
        var (result, done) = op switch
        {
            "unlock" => (await Reopen(), "ロックを解除しました。"),
            "enable" => (await Reopen(), "アカウントを有効にしました。"),
            "disable" => (await Disable(), "アカウントを無効にしました。サインインできなくなります。"),
            _ => (await ResetPassword(), ""),
        };
        if (!result.Succeeded)
        {
            // Show the account as it is in the database, not as the failed attempt left it in memory.
            await tx.RollbackAsync();
            db.ChangeTracker.Clear();
            Issued = null;
            if (await Load(id) is { } gone) return gone;
            foreach (var e in result.Errors) ModelState.AddModelError("", e.Description);
            return Page();
        }
        await tx.CommitAsync();
        if (Issued is not null) return Page();
        TempData["Message"] = $"{Account.UserName}：{done}";
        return Redirect($"/admin/users/{Account.Id}");
    }

    private async Task<IdentityResult> Reopen()
    {
        var result = await users.SetLockoutEndDateAsync(Account, null);
        return result.Succeeded ? await users.ResetAccessFailedCountAsync(Account) : result;
    }

    private async Task<IdentityResult> Disable()
    {
        // Lockout only bites when enabled for the account (Identity's rule).
        var result = await users.SetLockoutEnabledAsync(Account, true);
        if (result.Succeeded) result = await users.SetLockoutEndDateAsync(Account, AccountLock.DisabledUntil);
        // A new security stamp ends the account's open sessions at their next validation.
        return result.Succeeded ? await users.UpdateSecurityStampAsync(Account) : result;
    }

    private async Task<IdentityResult> ResetPassword()
    {
        var password = DemoSeeder.RandomPassword();
        // The reset also renews the security stamp, so sessions signed in with the old password end.
        var result = await users.ResetPasswordAsync(Account, await users.GeneratePasswordResetTokenAsync(Account), password);
        if (result.Succeeded) Issued = new IssuedPassword(Account.Id, Account.UserName!, password, "パスワードを再発行しました");
        return result;
    }

    private async Task<IActionResult?> Load(string id)
    {
        if (await users.FindByIdAsync(id) is not { } account) return NotFound();
        var roles = await users.GetRolesAsync(account);
        if (!AdminScope.Of(User).CanManage(account, roles))
        {
            await db.AuditAsync(AuditActions.AccessDenied, nameof(AppUser), account.Id, "管理範囲外のアカウント", ct: HttpContext.RequestAborted);
            return Forbid();
        }
        Account = account;
        AccountRoles = roles;
        OrganisationName = await db.Organisations.Where(o => o.Id == account.OrganisationId).Select(o => o.Name).SingleAsync();
        IsSelf = users.GetUserId(User) == account.Id;
        Now = clock.GetUtcNow();
        return null;
    }
}
