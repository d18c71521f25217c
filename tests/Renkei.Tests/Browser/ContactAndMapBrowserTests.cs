using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Renkei.Tests.Support;
using Renkei.Web.Features.Directory;
using Renkei.Web.Platform.Text;
using static Microsoft.Playwright.Assertions;

namespace Renkei.Tests.Browser;

/// <summary>The edit page's map fills the coordinates; a contact person is added from the provider page.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ContactAndMapBrowserTests(BrowserFixture app)
{
    private async Task<int> ProviderAsync(string name)
    {
        var (s, db) = app.Factory.SystemDb();
        await using var _ = s;
        var p = db.Providers.Add(new Provider
        {
            Name = name, Kind = ProviderKind.Hospital, SearchKey = JapaneseText.SearchKey(name), PrefectureCode = "31", MunicipalityCode = TestWorld.Tottori,
            Latitude = 35.5011, Longitude = 134.2351, CoordinatePrecision = CoordinatePrecision.Exact,
        }).Entity;
        await db.SaveChangesAsync();
        return p.Id;
    }

    private static List<string> WatchConsole(IPage page)
    {
        var console = new List<string>();
        page.Console += (_, m) => console.Add(m.Type + ": " + m.Text + " @ " + page.Url);
        page.PageError += (_, e) => console.Add("error: " + e);
        return console;
    }

    [Fact]
    public async Task Clicking_the_edit_pages_map_fills_the_coordinates_and_saving_makes_them_manual()
    {
        var id = await ProviderAsync("地図テスト病院");
        var page = await app.NewPageAsync();
        var console = WatchConsole(page);
        await Pages.SignInAsync(page, app.BaseUrl, "tottori-staff");
        await page.GotoAsync($"{app.BaseUrl}/directory/{id}/edit");
        var map = page.Locator("#coordinate-map");
        await Expect(map).ToHaveAttributeAsync("data-ready", "1");
        await Expect(page.Locator("#coordinate-map .leaflet-marker-icon")).ToBeVisibleAsync();
        var latitude = page.GetByLabel("緯度", new() { Exact = true });
        var longitude = page.GetByLabel("経度", new() { Exact = true });
        await Expect(latitude).ToHaveValueAsync("35.5011");

        // North-east of the marker (which sits in the middle; the zoom buttons are top left): both values must grow.
        var box = (await map.BoundingBoxAsync())!;
        await map.ClickAsync(new() { Position = new() { X = box.Width * 0.8f, Y = box.Height * 0.25f } });
        await Expect(latitude).Not.ToHaveValueAsync("35.5011");
        var lat = double.Parse(await latitude.InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var lng = double.Parse(await longitude.InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(lat, 35.5012, 35.6);
        Assert.InRange(lng, 134.2352, 134.4);
        Assert.Matches(@"^\d+\.\d{6}$", await latitude.InputValueAsync());
        await Pages.ScreenshotAsync(page, "provider-edit-map");

        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByTestId("provider-fields")).ToBeVisibleAsync();
        var (s, db) = app.Factory.SystemDb();
        await using (s)
        {
            var p = await db.Providers.AsNoTracking().SingleAsync(x => x.Id == id);
            Assert.Equal(lat, p.Latitude!.Value, 6);
            Assert.Equal(lng, p.Longitude!.Value, 6);
            Assert.Equal(CoordinatePrecision.Manual, p.CoordinatePrecision);
            Assert.True(p.FieldMeta["Latitude"].HandEdited);
            Assert.Equal(DataSource.Manual, p.FieldMeta["Latitude"].Source);
        }
        Assert.False(console.Any(c => c.Contains("Content Security Policy", StringComparison.Ordinal)), string.Join("\n", console));
    }

    [Fact]
    public async Task Staff_add_a_contact_person_from_the_provider_page()
    {
        var id = await ProviderAsync("連絡窓口テスト病院");
        var page = await app.NewPageAsync();
        var console = WatchConsole(page);
        await Pages.SignInAsync(page, app.BaseUrl, "tottori-staff");
        await page.GotoAsync($"{app.BaseUrl}/directory/{id}");
        await Expect(page.GetByTestId("provider-contacts")).ToContainTextAsync("登録されている連絡窓口はありません");
        await page.GetByRole(AriaRole.Link, new() { Name = "連絡窓口を追加" }).ClickAsync();
        await page.GetByLabel("部署").FillAsync("地域医療連携室");
        await page.GetByLabel("役職・職種").FillAsync("退院調整看護師");
        await page.GetByLabel("電話番号").FillAsync("０８５７－２２－４４４４");
        await page.GetByLabel("対応時間").FillAsync("平日 8:30〜17:15");
        await page.GetByLabel("公開範囲").SelectOptionAsync("Internal");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        var section = page.GetByTestId("provider-contacts");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("連絡窓口「地域医療連携室」を保存しました。");
        await Expect(section.GetByTestId("contact-row")).ToHaveCountAsync(1);
        await Expect(section).ToContainTextAsync("0857-22-4444");
        await Expect(section).ToContainTextAsync("市区町村内部のみ");
        await Pages.ScreenshotAsync(page, "provider-contacts");

        // And on the roster, reached from the directory search.
        await page.GotoAsync(app.BaseUrl + "/directory");
        await page.GetByRole(AriaRole.Link, new() { Name = "入退院連絡窓口一覧" }).ClickAsync();
        await Expect(page.GetByTestId("roster-table")).ToContainTextAsync("連絡窓口テスト病院");
        await Expect(page.GetByTestId("roster-table")).ToContainTextAsync("0857-22-4444");
        Assert.False(console.Any(c => c.Contains("Content Security Policy", StringComparison.Ordinal)), string.Join("\n", console));
    }

    [Fact]
    public async Task The_import_upload_goes_through_the_progress_script_and_shows_the_preview_then_the_report()
    {
        var file = Path.Combine(RepoPaths.Shared, "data", "kaigo-opendata", "jigyosho_155.csv");
        var page = await app.NewPageAsync();
        var console = WatchConsole(page);
        await Pages.SignInAsync(page, app.BaseUrl, "tottori-staff");
        await page.GotoAsync(app.BaseUrl + "/directory/import");
        await page.GetByLabel("ファイル").SetInputFilesAsync(file);
        await page.GetByLabel("都道府県で絞り込む").FillAsync("31");
        // Sent by XMLHttpRequest (the progress script), not as a plain form post.
        var request = await page.RunAndWaitForRequestAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "アップロード" }).ClickAsync(),
            r => r.Method == "POST" && r.Url.EndsWith("/directory/import", StringComparison.Ordinal));
        Assert.Equal("xhr", request.ResourceType);
        await Expect(page.GetByTestId("preview")).ToContainTextAsync("新規");
        Assert.EndsWith("/directory/import", page.Url, StringComparison.Ordinal);

        // Applying redirects to the report; the page shows it and its address. (The answer's form is new, as after a plain post: choose the file again.)
        await page.GetByLabel("ファイル").SetInputFilesAsync(file);
        await page.GetByLabel("確認のみ").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "アップロード" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("を取り込みました");
        Assert.Matches("/directory/imports/[0-9]+$", page.Url);
        Assert.False(console.Any(c => c.Contains("Content Security Policy", StringComparison.Ordinal)), string.Join("\n", console));
    }
}
