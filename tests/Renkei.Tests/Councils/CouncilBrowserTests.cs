using Microsoft.Playwright;
using Renkei.Tests.Browser;
using Renkei.Tests.Support;
using Renkei.Web.Features.Councils;
using static Microsoft.Playwright.Assertions;

namespace Renkei.Tests.Councils;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CouncilBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task Staff_record_a_meeting_by_ticking_members_and_see_the_balance_of_professions()
    {
        var seeded = await CouncilKit.SeedAsync(app.Factory, TestWorld.Tottori, "ブラウザ確認協議会", null,
            Profession.Physician, Profession.Nurse, Profession.CareManager, Profession.Administration);
        var page = await app.NewPageAsync();
        await Pages.SignInAsync(page, app.BaseUrl, "tottori-staff");
        await page.GotoAsync($"{app.BaseUrl}/councils");
        await page.GetByRole(AriaRole.Link, new() { Name = "ブラウザ確認協議会" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "会議を登録" }).ClickAsync();

        await page.GetByLabel("開催日").FillAsync("2025-11-20");
        await Expect(page.Locator("#held-on-wareki")).ToHaveTextAsync("令和7年11月20日");
        await page.GetByLabel("会議名").FillAsync("令和7年度 第2回");
        await page.GetByLabel("議題").FillAsync("1 入退院支援について");
        await page.GetByLabel("医師の団体（医師）").CheckAsync();
        await page.GetByLabel("看護師の団体（看護師）").CheckAsync();
        await page.GetByLabel("介護支援専門員の団体（介護支援専門員）").CheckAsync();
        await page.GetByLabel("出席者 1 の氏名・所属").FillAsync("訪問介護事業所 代表");
        await page.GetByLabel("出席者 1 の職種").SelectOptionAsync("CareWorker");
        await Pages.ScreenshotAsync(page, "council-meeting-edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Expect(page.GetByTestId("held-on")).ToHaveTextAsync("令和7年11月20日");
        await Expect(page.GetByTestId("count-Medical")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("count-Care")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("count-Public")).ToHaveTextAsync("0");
        await Expect(page.GetByTestId("count-total")).ToHaveTextAsync("4");
        await Expect(page.GetByTestId("attendees")).ToContainTextAsync("訪問介護事業所 代表（委員以外）");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "印刷" })).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "council-meeting");
        Assert.Contains("/councils/meetings/", page.Url, StringComparison.Ordinal);
        Assert.NotEqual(seeded.MeetingId.ToString(), page.Url.Split('/')[^1]);
    }
}
