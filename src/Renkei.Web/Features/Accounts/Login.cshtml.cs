using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renkei.Web.Features.Audit;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Accounts;

public sealed class LoginModel(SignInManager<AppUser> signIn, RenkeiDb db) : PageModel
{
    public sealed class Input
    {
        [Required(ErrorMessage = "ユーザー名を入力してください。")]
        [StringLength(256)]
        public string UserName { get; set; } = "";
        [Required(ErrorMessage = "パスワードを入力してください。")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }

    [BindProperty] public Input Form { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Form.UserName.Trim(), Form.Password, isPersistent: false, lockoutOnFailure: true);
        var target = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        if (result.Succeeded)
        {
            await db.AuditAsync(AuditActions.SignIn, "AppUser", Form.UserName);
            return LocalRedirect(target);
        }
        if (result.RequiresTwoFactor) return RedirectToPage("/Accounts/LoginWith2fa", new { ReturnUrl = target });
        if (result.IsLockedOut)
        {
            await db.AuditAsync(AuditActions.LockedOut, "AppUser", Form.UserName);
            ModelState.AddModelError("", "サインインの失敗が続いたため、このアカウントは一時的にロックされています。15分後にもう一度お試しいただくか、組織の管理者に連絡してください。");
            return Page();
        }
        await db.AuditAsync(AuditActions.SignInFailed, "AppUser", Form.UserName);
        // Same message whether the user exists or not: do not reveal account names.
        ModelState.AddModelError("", "ユーザー名またはパスワードが正しくありません。");
        return Page();
    }
}
