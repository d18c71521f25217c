using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Renkei.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AuditLogBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task An_org_admin_opens_the_audit_log_from_the_menu_and_filters_it()
    {
        var page = await app.NewPageAsync();
        // Inline script or style would be refused by the CSP and reported on the console.
        var cspViolations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) cspViolations.Add(message.Text); };
        await Pages.SignInAsync(page, app.BaseUrl, "tottori-admin");

        await page.GetByRole(AriaRole.Button, new() { Name = "管理" }).Or(page.GetByRole(AriaRole.Link, new() { Name = "管理" })).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "監査ログ" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("監査ログ");

        // The accounts created for 鳥取市 when the test world was set up.
        await page.GetByLabel("操作").SelectOptionAsync("作成");
        await page.GetByLabel("対象").FillAsync("AppUser");
        await page.GetByRole(AriaRole.Button, new() { Name = "検索" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("action=%E4%BD%9C%E6%88%90.*entity=AppUser|entity=AppUser.*action=%E4%BD%9C%E6%88%90"));
        var table = page.GetByTestId("audit-table");
        await Expect(table).ToContainTextAsync("tottori-staff");
        await Expect(table).Not.ToContainTextAsync("yonago-staff");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "印刷" })).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "audit-log");
        Assert.Empty(cspViolations);
    }
}
