using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renkei.Web.Features.Audit;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Accounts;

public sealed class LogoutModel(SignInManager<AppUser> signIn, RenkeiDb db) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await db.AuditAsync(AuditActions.SignOut, "AppUser", User.Identity?.Name);
        await signIn.SignOutAsync();
        TempData["Message"] = "サインアウトしました。";
        return Redirect("/");
    }
}
