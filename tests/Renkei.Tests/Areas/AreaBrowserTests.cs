using Microsoft.Playwright;
using Renkei.Tests.Browser;
using Renkei.Tests.Support;
using static Microsoft.Playwright.Assertions;
using static Renkei.Tests.Areas.AreaKit;

namespace Renkei.Tests.Areas;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AreaBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task Prefecture_staff_open_the_east_workspace_add_a_version_and_see_the_adoption_matrix()
    {
        var (ruleId, _) = await SeedRuleAsync(app.Factory, East, "ブラウザ：入退院時の共通様式", versions: 1);
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, app.BaseUrl, "pref-staff");
        // The prefecture-level pages sit in the 「県・圏域」 menu of the navigation bar.
        await page.GetByRole(AriaRole.Button, new() { Name = "県・圏域" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "圏域連携" }).ClickAsync();
        await Expect(page.GetByTestId("areas")).ToContainTextAsync("ブラウザ：入退院時の共通様式");
        await Pages.ScreenshotAsync(page, "areas-index");
        await page.GetByTestId("areas").GetByRole(AriaRole.Link, new() { Name = "東部" }).ClickAsync();
        await Expect(page.GetByTestId("area-municipalities")).ToContainTextAsync("鳥取市");

        var rule = page.Locator($"[data-rule=\"{ruleId}\"]");
        await rule.GetByRole(AriaRole.Link, new() { Name = "版を追加" }).ClickAsync();
        await Expect(page.GetByLabel("版", new() { Exact = true })).ToHaveValueAsync("第2版");
        await page.GetByLabel("施行日").FillAsync(Iso(new DateOnly(ThisYear, 10, 1)));
        await page.GetByLabel("主な変更点").FillAsync("連絡先の欄を追加");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        var matrix = page.GetByTestId($"matrix-{ruleId}");
        await Expect(matrix.GetByRole(AriaRole.Columnheader, new() { Name = "第2版" })).ToBeVisibleAsync();
        await Expect(matrix).ToContainTextAsync("最新版 第2版 を採用：0／5 市町村");
        await Expect(matrix.Locator($"tr[data-muni=\"{TestWorld.Tottori}\"]")).ToContainTextAsync("最新版未採用");
        await Pages.ScreenshotAsync(page, "areas-workspace");
    }
}
