using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renkei.Web.Features.Audit;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Accounts;

public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, RenkeiDb db) : PageModel
{
    public sealed class Input
    {
        [Required(ErrorMessage = "確認コードを入力してください。")]
        [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "確認コードは6桁の数字です。")]
        public string Code { get; set; } = "";
    }

    [BindProperty] public Input Form { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Accounts/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Accounts/Login");
        if (!ModelState.IsValid) return Page();
        var code = Form.Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await db.AuditAsync(AuditActions.SignIn, "AppUser", user.UserName, "二要素認証");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (result.IsLockedOut)
        {
            await db.AuditAsync(AuditActions.LockedOut, "AppUser", user.UserName);
            ModelState.AddModelError("", "失敗が続いたため、このアカウントは一時的にロックされています。");
            return Page();
        }
        await db.AuditAsync(AuditActions.SignInFailed, "AppUser", user.UserName, "確認コード誤り");
        ModelState.AddModelError("", "確認コードが正しくありません。認証アプリに表示されている最新のコードを入力してください。");
        return Page();
    }
}
