using Microsoft.Playwright;
using Renkei.Tests.Browser;
using Renkei.Tests.Support;
using Renkei.Web.Features.Program;
using static Microsoft.Playwright.Assertions;

namespace Renkei.Tests.Progress;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class RoundBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task Prefecture_staff_enter_a_municipalitys_answer_submit_it_and_see_it_submitted()
    {
        var id = await RoundKit.SeedRoundAsync(app.Factory, "ブラウザ確認 令和8年度 実施状況調査");
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, app.BaseUrl, "pref-staff");
        await page.GotoAsync($"{app.BaseUrl}/progress");
        await page.GetByRole(AriaRole.Link, new() { Name = "ブラウザ確認 令和8年度 実施状況調査" }).ClickAsync();
        var row = page.Locator($"tr[data-muni='{TestWorld.Yonago}']");
        await Expect(row.GetByTestId("state")).ToHaveTextAsync("未回答");
        await row.GetByRole(AriaRole.Link, new() { Name = "回答を入力" }).ClickAsync();

        await Expect(page.GetByTestId("on-behalf")).ToContainTextAsync("米子市 に代わって入力しています");
        foreach (var item in ProgramItems.All)
            await page.GetByRole(AriaRole.Radiogroup, new() { Name = $"{item.Label()} の実施状況" }).GetByLabel("実施中").CheckAsync();
        await page.GetByLabel("2 対応策を具体化").CheckAsync();
        await page.GetByLabel("多職種のグループワーク等").CheckAsync();
        await page.GetByLabel("（オ） の委託先").FillAsync("西部医師会");
        await page.Locator("#commissioned-O").CheckAsync();
        await Pages.ScreenshotAsync(page, "progress-answer");
        await page.GetByRole(AriaRole.Button, new() { Name = "提出" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("米子市の回答を提出しました");
        await Expect(row.GetByTestId("state")).ToHaveTextAsync("提出済");
        await Expect(row).ToContainTextAsync("県・保健所が代理入力");
        await Pages.ScreenshotAsync(page, "progress-round");
        await page.GotoAsync($"{app.BaseUrl}/progress");
        await Expect(page.Locator($"tr[data-round='{id}']").GetByTestId("submitted")).ToHaveTextAsync("1 / 19");
        var saved = await RoundKit.ResponseAsync(app.Factory, id, TestWorld.Yonago);
        Assert.Equal("西部医師会", saved!.Items.Single(i => i.Item == ProgramItem.O).CommissionedTo);
    }
}
