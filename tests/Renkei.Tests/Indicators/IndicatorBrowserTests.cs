using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Renkei.Tests.Browser;
using Renkei.Tests.Support;
using Renkei.Web.Platform.Time;
using static Microsoft.Playwright.Assertions;

namespace Renkei.Tests.Indicators;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class IndicatorBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task Staff_enter_a_value_and_a_target_and_see_both_on_the_indicator_page()
    {
        var year = FiscalYear.Current(TimeProvider.System).StartYear - 1;
        int id;
        var (s, db) = app.Factory.SystemDb();
        await using (s) id = await db.Indicators.Where(i => i.Code == "p.training").Select(i => i.Id).SingleAsync();

        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, app.BaseUrl, "tottori-staff");
        await page.GotoAsync($"{app.BaseUrl}/indicators/values?muni={TestWorld.Tottori}&year={year}");
        await page.GetByLabel("多職種研修の実施回数", new() { Exact = true }).FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByText("の値を保存しました")).ToBeVisibleAsync();

        await page.GotoAsync($"{app.BaseUrl}/indicators/{id}?muni={TestWorld.Tottori}");
        await page.GetByLabel("年度", new() { Exact = true }).SelectOptionAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("目標値").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "目標を保存" }).ClickAsync();
        await Expect(page.GetByText("の目標を 6 にしました")).ToBeVisibleAsync();

        var row = page.Locator($"tr[data-year='{year}']");
        await Expect(row.GetByTestId("value")).ToContainTextAsync("5");
        await Expect(row.GetByTestId("target")).ToContainTextAsync("6");
        await Expect(row.GetByTestId("achievement")).ToHaveTextAsync("未達成");
        await Expect(page.GetByTestId("series-chart").Locator("svg")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "indicator-series");
    }
}
