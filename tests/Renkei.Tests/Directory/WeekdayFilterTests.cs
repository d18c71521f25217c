using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Tests.Support;
using Renkei.Web.Features.Directory;
using Renkei.Web.Features.Directory.Import;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>
/// The 営業日 filter over 鳥取県's real 訪問リハビリテーション rows (利用可能曜日 given) and 介護医療院 rows (利用可能曜日 blank:
/// unknown), in the API, the staff page and the residents' page; and a staff edit of the hours moving a provider in.
/// </summary>
public sealed class WeekdayFilterTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private RenkeiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = new RenkeiFactory(_database);
        Assert.NotNull(_factory.Server);
        await TestWorld.SeedAsync(_factory);
        await using var scope = _factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<DirectoryImportService>();
        foreach (var file in new[] { "jigyosho_140.csv", "jigyosho_550.csv" })
            await service.ImportAsync(ImportKind.KaigoOpenData, Path.Combine(RepoPaths.Shared, "data", "kaigo-opendata", file), file, "31", false, true, "test");
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _database.Dispose();
    }

    // As the app writes text (Japanese as characters; the encoder still escapes the full-width space).
    private static string Html(string text) => System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(text);

    // Read from the stored text here, not from OpenWeekdays: the list before the 特記事項.
    private static bool ListSays(string? openDays, string term) =>
        openDays is not null && openDays.Split('　')[0].Split(',').Contains(term);

    private async Task<List<(int Id, string Name, string? OpenDays, string? Municipality)>> Tottori()
    {
        var (scope, db) = _factory.SystemDb();
        await using var _ = scope;
        return [.. (await db.Providers.Where(p => p.PrefectureCode == "31").Select(p => new { p.Id, p.Name, p.OpenDays, p.MunicipalityCode }).ToListAsync())
            .Select(p => (p.Id, p.Name, p.OpenDays, p.MunicipalityCode))];
    }

    private static async Task<int> Total(WebSession staff, string query) =>
        (await staff.Client.GetFromJsonAsync<JsonElement>("/api/directory/providers?Pref=31&" + query)).GetProperty("total").GetInt32();

    private static async Task<HashSet<int>> Api(WebSession staff, string query)
    {
        var result = await staff.Client.GetFromJsonAsync<JsonElement>("/api/directory/providers?Pref=31&" + query);
        Assert.True(result.GetProperty("total").GetInt32() <= 50, "the sample must fit on one page");
        return result.GetProperty("providers").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToHashSet();
    }

    [Fact]
    public async Task Providers_open_on_the_day_are_found_closed_and_unknown_ones_are_not()
    {
        var all = await Tottori();
        var saturday = all.Where(p => ListSays(p.OpenDays, "土曜日")).Select(p => p.Id).ToHashSet();
        var holiday = all.Where(p => ListSays(p.OpenDays, "祝日")).Select(p => p.Id).ToHashSet();
        var unknown = all.Where(p => string.IsNullOrEmpty(p.OpenDays)).Select(p => p.Id).ToHashSet();
        Assert.Equal((58, 18, 14, 11), (all.Count, saturday.Count, holiday.Count, unknown.Count));

        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        Assert.Equal(58, await Total(staff, ""));
        Assert.Equal(saturday, await Api(staff, "Open=Saturday"));
        Assert.Equal(holiday, await Api(staff, "Open=Holiday"));
        Assert.Equal(all.Select(p => p.Id).Except(unknown).ToHashSet(), await Api(staff, "Open=Monday"));
        Assert.Equal(58, await Total(staff, "Open=nonsense")); // unknown choice: no filter, as for Kind

        var page = await staff.GetPageAsync("/directory?Pref=31&Muni=&Open=Saturday");
        Assert.Contains("営業日が不明の事業所は含みません", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Saturday\" selected=\"selected\">土曜日</option>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Residents_can_filter_on_a_day_and_a_staff_edit_of_the_hours_moves_a_provider_in()
    {
        var all = await Tottori();
        var open = all.First(p => ListSays(p.OpenDays, "土曜日"));
        // In 鳥取市, where tottori-staff may edit.
        var weekdaysOnly = all.First(p => p.Municipality == TestWorld.Tottori && p.OpenDays?.Split('　')[0] == "平日");
        var (scope, db) = _factory.SystemDb();
        await using (scope)
            await db.Providers.Where(p => p.Id == open.Id || p.Id == weekdaysOnly.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.PublicationConsent, true));

        using var anonymous = WebSession.Open(_factory);
        var residents = await anonymous.GetPageAsync("/public/directory?Pref=31&Open=Saturday");
        Assert.Contains(Html(open.Name), residents, StringComparison.Ordinal);
        Assert.DoesNotContain(Html(weekdaysOnly.Name), residents, StringComparison.Ordinal);
        Assert.Contains("営業日が不明の事業所は含みません", residents, StringComparison.Ordinal);
        Assert.Contains(Html(weekdaysOnly.Name), await anonymous.GetPageAsync("/public/directory?Pref=31"), StringComparison.Ordinal);

        // Staff add Saturday hours: the provider is now open on Saturday.
        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        var url = $"/directory/{weekdaysOnly.Id}/edit";
        var html = await staff.GetPageAsync(url);
        var fields = WebSession.HiddenFields(html);
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "name=\"(Values\\[[A-Za-z]+\\])\" value=\"([^\"]*)\""))
            fields[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value);
        fields["Values[Hours]"] = "月〜土 9:00〜17:00";
        fields["Consent"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync(url, fields)).StatusCode);
        Assert.Contains(weekdaysOnly.Id, await Api(staff, "Open=Saturday"));
        Assert.Contains(Html(weekdaysOnly.Name), await anonymous.GetPageAsync("/public/directory?Pref=31&Open=Saturday"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Providers_stored_before_the_column_existed_get_their_days_at_start_up()
    {
        var (scope, db) = _factory.SystemDb();
        await using var _ = scope;
        var expected = await db.Providers.Where(p => p.OpenWeekdays != null).ToDictionaryAsync(p => p.Id, p => p.OpenWeekdays);
        Assert.NotEmpty(expected);
        // As an older database holds them: the texts, and no derived days.
        await db.Providers.ExecuteUpdateAsync(s => s.SetProperty(p => p.OpenWeekdays, (Weekdays?)null));

        Assert.Equal(expected.Count, await OpenWeekdaysBackfill.RunAsync(db));
        var after = await db.Providers.Where(p => p.OpenWeekdays != null).ToDictionaryAsync(p => p.Id, p => p.OpenWeekdays);
        Assert.Equal(expected, after);
        Assert.Equal(0, await OpenWeekdaysBackfill.RunAsync(db)); // nothing left that the texts can tell
    }
}
