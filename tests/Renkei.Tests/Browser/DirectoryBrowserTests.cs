using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Renkei.Tests.Support;
using Renkei.Web.Features.Directory.Import;
using static Microsoft.Playwright.Assertions;

namespace Renkei.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DirectoryBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task Staff_search_the_directory_and_see_the_list_and_the_map_together()
    {
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var path = Path.Combine(RepoPaths.Shared, "data", "kaigo-opendata", "jigyosho_140.csv");
            await scope.ServiceProvider.GetRequiredService<DirectoryImportService>()
                .ImportAsync(ImportKind.KaigoOpenData, path, "jigyosho_140.csv", "31", false, true, "test");
        }
        var page = await app.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, m) => console.Add(m.Type + ": " + m.Text);
        page.PageError += (_, e) => console.Add("error: " + e);
        await Pages.SignInAsync(page, app.BaseUrl, "tottori-staff");
        await page.GetByRole(AriaRole.Link, new() { Name = "資源検索" }).ClickAsync();
        // Opened from 鳥取市's account, the search starts at 鳥取市.
        await Expect(page.GetByLabel("市区町村")).ToHaveValueAsync(TestWorld.Tottori);
        await page.GetByLabel("市区町村").SelectOptionAsync("");
        await page.GetByLabel("並び順").SelectOptionAsync("distance");
        await page.GetByRole(AriaRole.Button, new() { Name = "検索" }).ClickAsync();
        var rows = page.GetByTestId("provider-table").Locator("tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        Assert.True(await rows.CountAsync() > 10);
        // Markers are drawn from the API with the same filters (tiles need the internet; markers do not).
        try
        {
            await Expect(page.Locator("#map")).ToHaveAttributeAsync("data-loaded", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException(e.Message + "\nconsole: " + string.Join("\n", console.Where(c => !c.Contains("cyberjapandata", StringComparison.Ordinal))), e);
        }
        await Expect(page.Locator("#map .leaflet-marker-icon").First).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "directory-search");

        await rows.First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByTestId("provider-fields")).ToContainTextAsync("介護サービス情報公表システム");
        await Expect(page.Locator("#provider-map")).ToHaveAttributeAsync("data-loaded", "1");
        await Pages.ScreenshotAsync(page, "provider-page");

        // The booklet of the same search, as it prints: no CSP complaints, a page per kind.
        await page.GotoAsync(app.BaseUrl + "/directory?Pref=31&Muni=" + TestWorld.Tottori);
        await page.GetByRole(AriaRole.Link, new() { Name = "冊子（印刷用）" }).ClickAsync();
        await Expect(page.GetByTestId("booklet-toc")).ToContainTextAsync("介護サービス");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "印刷" })).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "印刷" })).ToBeHiddenAsync();
        await Expect(page.GetByTestId("booklet-toc")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "directory-booklet-print");
        Assert.DoesNotContain(console, c => c.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_preview_a_kouseikyoku_list_through_the_upload_page_and_nothing_is_written()
    {
        var path = Path.Combine(RepoPaths.Shared, "data", "kouseikyoku", "tottori-2025-10.xlsx");
        int before;
        var (s, db) = app.Factory.SystemDb();
        await using (s) before = await db.Providers.CountAsync();
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, app.BaseUrl, "tottori-staff");
        await page.GotoAsync($"{app.BaseUrl}/directory/import");
        await page.GetByLabel("種類").SelectOptionAsync("kouseikyoku");
        await page.GetByLabel("ファイル", new() { Exact = true }).SetInputFilesAsync(path);
        // 鳥取市's staff: the filter starts at their prefecture, and the preview is the default.
        await Expect(page.GetByLabel("都道府県で絞り込む（2桁コード。空欄なら全国）")).ToHaveValueAsync("31");
        await Expect(page.GetByLabel("確認のみ（差分を表示し、書き込まない）")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "アップロード" }).ClickAsync();
        // One row per 届出: thousands of rows for the list's facilities, counted without the importer (MiniExcel).
        var rows = Renkei.Tests.ResourceDirectory.KouseikyokuImportTests.RowsBelowHeader(path).Count;
        Assert.True(rows > 9000);
        await Expect(page.GetByTestId("preview")).ToContainTextAsync($"ファイルの {rows:N0} 行を読みました。新規 ");
        await Pages.ScreenshotAsync(page, "import-preview");
        (s, db) = app.Factory.SystemDb();
        await using (s) Assert.Equal(before, await db.Providers.CountAsync());
    }
}
