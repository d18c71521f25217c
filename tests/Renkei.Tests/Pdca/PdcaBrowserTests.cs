using Microsoft.Playwright;
using Renkei.Tests.Browser;
using Renkei.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Renkei.Tests.Pdca;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PdcaBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task Staff_register_an_issue_link_a_countermeasure_and_see_it_in_the_register()
    {
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, app.BaseUrl, "tottori-staff");
        await page.GotoAsync(app.BaseUrl + "/pdca/issues");
        await page.GetByRole(AriaRole.Link, new() { Name = "課題を登録" }).ClickAsync();
        await page.GetByLabel("課題", new() { Exact = true }).FillAsync("ブラウザ：退院時の情報提供が遅れる");
        await page.GetByLabel("入退院支援").CheckAsync();
        await page.GetByLabel("（ウ） 切れ目のない在宅医療と在宅介護の提供体制の構築推進").CheckAsync();
        await page.GetByLabel("優先度").SelectOptionAsync(new SelectOptionValue { Label = "高" });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByTestId("issue-statement")).ToHaveTextAsync("ブラウザ：退院時の情報提供が遅れる");

        await page.GotoAsync(app.BaseUrl + "/pdca/countermeasures");
        await page.GetByRole(AriaRole.Link, new() { Name = "対応策を登録" }).ClickAsync();
        await page.GetByLabel("対応策の名称").FillAsync("ブラウザ：退院時情報提供シート");
        await page.GetByLabel("実施する事業項目（（ウ）〜（ク））").SelectOptionAsync(new SelectOptionValue { Label = "（エ） 在宅医療・介護関係者の情報共有の支援" });
        await page.GetByLabel("ブラウザ：退院時の情報提供が遅れる", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByTestId("countermeasure-issues")).ToContainTextAsync("ブラウザ：退院時の情報提供が遅れる");

        await page.GotoAsync(app.BaseUrl + "/pdca/issues?Filter.Q=ブラウザ");
        var row = page.GetByTestId("issues").GetByRole(AriaRole.Row).Filter(new() { HasText = "ブラウザ：退院時の情報提供が遅れる" });
        await Expect(row).ToContainTextAsync("入退院支援");
        await Expect(row).ToContainTextAsync("1 件");
        await Pages.ScreenshotAsync(page, "pdca-issues");
    }

    [Fact]
    public async Task The_one_page_summary_shows_plan_do_check_act_and_prints_without_the_navigation()
    {
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, app.BaseUrl, "tottori-staff");
        await page.GotoAsync(app.BaseUrl + "/pdca");
        await page.GetByTestId("pdca-nav").GetByRole(AriaRole.Link, new() { Name = "事業報告" }).ClickAsync();
        await Expect(page.GetByTestId("report-item-ka")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "1枚の概要を見る" }).ClickAsync();
        var summary = page.GetByTestId("pdca-summary");
        foreach (var part in new[] { "計画（Plan）", "実行（Do）", "評価（Check）", "改善（Act）" })
            await Expect(summary).ToContainTextAsync(part);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.GetByTestId("pdca-nav")).ToBeHiddenAsync();
        await Pages.ScreenshotAsync(page, "pdca-summary-print");
    }
}
