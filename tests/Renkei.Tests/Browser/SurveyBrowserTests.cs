using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Renkei.Tests.Support;
using Renkei.Web.Features.Directory.Import;
using Renkei.Web.Features.Surveys;
using static Microsoft.Playwright.Assertions;

namespace Renkei.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SurveyBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task A_provider_answers_the_survey_in_the_browser_without_an_account()
    {
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var path = Path.Combine(RepoPaths.Shared, "data", "kaigo-opendata", "jigyosho_140.csv");
            await scope.ServiceProvider.GetRequiredService<DirectoryImportService>()
                .ImportAsync(ImportKind.KaigoOpenData, path, "jigyosho_140.csv", "31", false, true, "test");
        }
        // The link as staff would have sent it: only its hash is in the database.
        var token = SurveyLinks.NewToken();
        string providerName;
        var (s, db) = app.Factory.SystemDb();
        await using (s)
        {
            var provider = await db.Providers.Where(p => p.MunicipalityCode == TestWorld.Tottori).OrderBy(p => p.Id).FirstAsync();
            providerName = provider.Name;
            db.Surveys.Add(new Survey
            {
                MunicipalityCode = TestWorld.Tottori, Title = "在宅医療・介護の機能調査", Deadline = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(14),
                FunctionCodes = ["terminal-care", "suction"], FieldNames = ["Phone", "OpenDays"], Questions = ["訪問可能な範囲を教えてください"],
                Recipients = [new SurveyRecipient { ProviderId = provider.Id, MunicipalityCode = TestWorld.Tottori, TokenHash = SurveyLinks.Hash(token), SentAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime }],
            });
            await db.SaveChangesAsync();
        }

        var page = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + SurveyLinks.Path(token));
        await Expect(page.GetByTestId("survey-provider")).ToHaveTextAsync(providerName);
        await page.GetByLabel("電話").FillAsync("0857-20-1234");
        await page.GetByLabel("営業日・診療日").FillAsync("月〜金 9:00〜17:00");
        await page.GetByRole(AriaRole.Group, new() { Name = "在宅ターミナルケア" }).GetByLabel("はい").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "喀痰吸引等" }).GetByLabel("いいえ").CheckAsync();
        await page.GetByLabel("訪問可能な範囲を教えてください").FillAsync("鳥取市内全域");
        await Pages.ScreenshotAsync(page, "survey-answer");
        await page.GetByRole(AriaRole.Button, new() { Name = "回答を送信" }).ClickAsync();
        await Expect(page.GetByText("回答を受け付けました")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("電話")).ToHaveValueAsync("0857-20-1234");

        (s, db) = app.Factory.SystemDb();
        await using (s)
        {
            var answers = await db.SurveyAnswers.ToDictionaryAsync(a => a.Item, a => a.Value);
            Assert.Equal("yes", answers["function:terminal-care"]);
            Assert.Equal("no", answers["function:suction"]);
            Assert.Equal("鳥取市内全域", answers["question:0"]);
        }
    }
}
