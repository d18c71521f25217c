using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Renkei.Web.Features.Accounts;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, RFC 6238). Admins are sent here until they
/// enable it (<see cref="Platform.Web.TwoFactorEnforcement"/>) and may not turn it off.
/// </summary>
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    public sealed class Input
    {
        [Required(ErrorMessage = "確認コードを入力してください。")]
        [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "確認コードは6桁の数字です。")]
        public string Code { get; set; } = "";
    }

    [BindProperty] public Input Form { get; set; } = new();
    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await Load(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid) { await Load(user); return Page(); }
        var code = Form.Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError("Form.Code", "確認コードが正しくありません。認証アプリに表示されている最新のコードを入力してください。");
            await Load(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        // Re-issue the cookie so the "two-factor required" claim disappears at once.
        await signIn.RefreshSignInAsync(user);
        await Load(user);
        return Page();
    }

    private async Task Load(AppUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        var roles = await users.GetRolesAsync(user);
        Required = roles.Intersect(Roles.RequireTwoFactor).Any();
        if (Enabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = string.Join(" ", key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString("Renkei:" + user.UserName)}?secret={key}&issuer=Renkei&digits=6");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
