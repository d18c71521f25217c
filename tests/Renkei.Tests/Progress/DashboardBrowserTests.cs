using Microsoft.Playwright;
using Renkei.Tests.Browser;
using Renkei.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Renkei.Tests.Progress;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DashboardBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task Prefecture_staff_read_the_dashboard_with_its_table_map_and_legend()
    {
        var f = await TottoriFixture.SeedAsync(app.Factory);
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, app.BaseUrl, "pref-staff");
        await page.GotoAsync($"{app.BaseUrl}/progress/{f.RoundId}/dashboard");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(f.Title);
        var a = page.GetByTestId("table-items").Locator("tr[data-key='a']");
        await Expect(a.Locator("[data-col='running']")).ToHaveTextAsync("3");
        await Expect(a.Locator("[data-col='planned']")).ToHaveTextAsync("1");
        await Expect(a.Locator("[data-col='unanswered']")).ToHaveTextAsync((f.N - 4).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("table-distribution").Locator("tr[data-key='8'] [data-col='count']")).ToHaveTextAsync("1");

        await Expect(page.GetByTestId("map-legend").Locator("svg")).ToBeVisibleAsync();
        var map = page.GetByTestId("progress-map");
        await Expect(map).ToBeVisibleAsync();
        // The script drew one circle per municipality with a centroid.
        await Expect(map).ToHaveAttributeAsync("data-loaded", f.N.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(map.Locator("path.leaflet-interactive")).ToHaveCountAsync(f.N);

        await page.GetByTestId("members-a").Locator("summary").ClickAsync();
        await Expect(page.GetByTestId("members-a").Locator("dd[data-status='Running']")).ToContainTextAsync(f.M3.Name + "（入力中）");
        await Pages.ScreenshotAsync(page, "progress-dashboard");
    }
}
