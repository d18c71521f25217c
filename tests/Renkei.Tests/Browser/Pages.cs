using Microsoft.Playwright;
using Renkei.Tests.Support;

namespace Renkei.Tests.Browser;

/// <summary>Small page objects: what a user does, in the words of the screen.</summary>
public static class Pages
{
    public static async Task SignInAsync(IPage page, string baseUrl, string userName)
    {
        await page.GotoAsync(baseUrl + "/account/login");
        await page.GetByLabel("ユーザー名").FillAsync(userName);
        await page.GetByLabel("パスワード").FillAsync(TestWorld.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        if (page.Url.Contains("/account/login-2fa", StringComparison.Ordinal))
        {
            await page.GetByLabel("確認コード").FillAsync(Totp.Code(TestWorld.AuthenticatorKey, TimeProvider.System.GetUtcNow()));
            await page.GetByRole(AriaRole.Button, new() { Name = "確認" }).ClickAsync();
        }
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, name + ".png"), FullPage = true });
}
