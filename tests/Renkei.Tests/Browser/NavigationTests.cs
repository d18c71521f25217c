using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Renkei.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Renkei.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class NavigationTests(BrowserFixture app)
{
    [Fact]
    public async Task A_resident_browses_prefecture_area_and_municipality_without_signing_in()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "地域・人口を見る" }).ClickAsync();
        await Expect(page.GetByTestId("prefecture-table")).ToContainTextAsync("鳥取県");
        await Pages.ScreenshotAsync(page, "regions");
        await page.GetByRole(AriaRole.Link, new() { Name = "鳥取県", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("area-table")).ToContainTextAsync("東部");
        await page.GetByRole(AriaRole.Link, new() { Name = "東部", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("東部");
        await page.GetByRole(AriaRole.Link, new() { Name = "鳥取市", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("lgcode")).ToHaveTextAsync("312011");
        await Pages.ScreenshotAsync(page, "municipality-tottori");
    }

    [Fact]
    public async Task Staff_sign_in_see_their_municipality_and_record_how_an_item_is_run()
    {
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, app.BaseUrl, "tottori-staff");
        await Expect(page).ToHaveURLAsync(new Regex($"/municipalities/{TestWorld.Tottori}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("鳥取市");
        // Honest state: no module is built yet, and the page says so.
        await Expect(page.GetByText("未提供（今後のリリース）").First).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "municipality-home");

        await page.Locator("section", new() { HasText = "（オ）" }).GetByRole(AriaRole.Link, new() { Name = "実施体制を編集" }).ClickAsync();
        await page.GetByLabel("委託", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.Locator(".text-danger", new() { HasText = "委託先を選んでください" })).ToBeVisibleAsync();
        await page.GetByLabel("直営").CheckAsync();
        await page.GetByLabel("担当部署").FillAsync("長寿社会課 在宅医療介護連携係");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("実施体制を保存しました");
        await Expect(page.GetByTestId("arrangement-o")).ToContainTextAsync("直営");
        await Pages.ScreenshotAsync(page, "arrangement-saved");
    }

    [Fact]
    public async Task The_item_menu_lists_the_eight_items_and_the_keyboard_reaches_the_main_content()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/regions");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByText("本文へ移動")).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "事業項目（ア）〜（ク）" }).Or(page.GetByRole(AriaRole.Link, new() { Name = "事業項目（ア）〜（ク）" })).ClickAsync();
        var items = page.Locator("#mainNav .dropdown-menu").First.Locator("a");
        await Expect(items).ToHaveCountAsync(8);
        await Expect(items.Nth(7)).ToContainTextAsync("（ク）");
        await items.Nth(0).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("（ア）地域の医療・介護の資源の把握");
    }

    [Fact]
    public async Task An_admin_signs_in_with_the_authenticator_code_and_a_prefecture_user_sees_its_municipalities()
    {
        var admin = await app.NewPageAsync();
        await Pages.SignInAsync(admin, app.BaseUrl, "tottori-admin");
        await Expect(admin.GetByTestId("signed-in-as")).ToContainTextAsync("鳥取市");

        var pref = await app.NewPageAsync();
        await Pages.SignInAsync(pref, app.BaseUrl, "pref-staff");
        await Expect(pref.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("担当する市区町村");
        await Expect(pref.GetByRole(AriaRole.Link, new() { Name = "米子市" })).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(pref, "prefecture-home");
    }
}
