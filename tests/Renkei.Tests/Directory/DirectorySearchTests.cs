using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Tests.Support;
using Renkei.Web.Features.Directory;
using Renkei.Web.Features.Directory.Import;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>Directory search over the real 鳥取県 訪問リハビリテーション and 介護医療院 rows.</summary>
[Collection(AppCollection.Name)]
public sealed class DirectorySearchTests(AppFixture app) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<DirectoryImportService>();
        foreach (var file in new[] { "jigyosho_140.csv", "jigyosho_550.csv" })
        {
            var path = Path.Combine(RepoPaths.Shared, "data", "kaigo-opendata", file);
            await service.ImportAsync(ImportKind.KaigoOpenData, path, file, "31", false, true, "test");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Text_search_ignores_width_and_kana_and_the_api_needs_a_sign_in()
    {
        var (scope, db) = app.Factory.SystemDb();
        Provider sample;
        await using (scope) sample = await db.Providers.Where(p => p.PrefectureCode == "31" && p.NameKana != null).OrderBy(p => p.Id).FirstAsync();
        // Search by the kana reading typed in half-width katakana.
        var halfWidth = sample.NameKana!.Normalize(System.Text.NormalizationForm.FormKC);
        var query = string.Concat(halfWidth.Take(4)).Replace("ア", "ｱ", StringComparison.Ordinal);

        using var anonymous = WebSession.Open(app.Factory);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/directory/providers?Pref=31")).StatusCode);

        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var result = await staff.Client.GetFromJsonAsync<JsonElement>($"/api/directory/providers?Pref=31&Q={Uri.EscapeDataString(query)}");
        Assert.Contains(result.GetProperty("providers").EnumerateArray(), p => p.GetProperty("id").GetInt32() == sample.Id);
    }

    [Fact]
    public async Task Short_keys_and_wildcard_characters_are_matched_literally()
    {
        var (scope, db) = app.Factory.SystemDb();
        List<(int Id, string Key)> all;
        await using (scope) all = (await db.Providers.Where(p => p.PrefectureCode == "31").Select(p => new { p.Id, p.SearchKey }).ToListAsync()).Select(p => (p.Id, p.SearchKey)).ToList();
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        async Task<HashSet<int>> Find(string q)
        {
            var result = await staff.Client.GetFromJsonAsync<JsonElement>($"/api/directory/providers?Pref=31&Q={Uri.EscapeDataString(q)}");
            Assert.True(result.GetProperty("total").GetInt32() <= 50, "the sample query should fit on one page");
            return result.GetProperty("providers").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToHashSet();
        }
        // Two characters (below the trigram index) and three or more (through it) give exactly the substring matches.
        var checkedShort = false;
        var checkedLong = false;
        foreach (var q in new[] { "米子", "倉吉", "鳥取", "鳥取市", "米子市", "はまなす", "ふれあい" })
        {
            var expected = all.Where(p => p.Key.Contains(Renkei.Web.Platform.Text.JapaneseText.SearchKey(q), StringComparison.Ordinal)).Select(p => p.Id).ToHashSet();
            if (expected.Count is 0 or > 50) continue;
            Assert.Equal(expected, await Find(q));
            if (q.Length < 3) checkedShort = true; else checkedLong = true;
        }
        Assert.True(checkedShort && checkedLong, "the sample must exercise both the short and the indexed path");
        Assert.Empty(await Find("%"));
        Assert.Empty(await Find("_"));
        Assert.Empty(await Find("\"x\""));
    }

    [Fact]
    public async Task Kind_area_and_distance_filters_agree_with_the_data()
    {
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var all = await staff.Client.GetFromJsonAsync<JsonElement>("/api/directory/providers?Pref=31");
        var care = await staff.Client.GetFromJsonAsync<JsonElement>("/api/directory/providers?Pref=31&Service=550");
        var east = await staff.Client.GetFromJsonAsync<JsonElement>("/api/directory/providers?Pref=31&Area=3101");
        var (scope, db) = app.Factory.SystemDb();
        await using (scope)
        {
            Assert.Equal(await db.Providers.CountAsync(p => p.PrefectureCode == "31"), all.GetProperty("total").GetInt32());
            Assert.Equal(await db.Providers.CountAsync(p => p.PrefectureCode == "31" && p.ServiceCode == "550"), care.GetProperty("total").GetInt32());
            var eastMunis = await db.Municipalities.Where(m => m.SecondaryAreaCode == "3101").Select(m => m.Code).ToListAsync();
            Assert.Equal(await db.Providers.CountAsync(p => p.MunicipalityCode != null && eastMunis.Contains(p.MunicipalityCode)), east.GetProperty("total").GetInt32());
        }

        // Nearest first from 鳥取市's centroid: distances never decrease down the list.
        var near = await staff.Client.GetFromJsonAsync<JsonElement>($"/api/directory/providers?Pref=31&Sort=distance&Near={TestWorld.Tottori}");
        var origin = (Lat: 35.50111111, Lng: 134.235);
        (scope, db) = app.Factory.SystemDb();
        await using (scope)
        {
            var m = await db.Municipalities.SingleAsync(x => x.Code == TestWorld.Tottori);
            origin = (m.Latitude, m.Longitude);
        }
        var distances = near.GetProperty("providers").EnumerateArray()
            .Select(p => ProviderSearch.DistanceKm(origin.Lat, origin.Lng, p.GetProperty("latitude").GetDouble(), p.GetProperty("longitude").GetDouble())).ToList();
        Assert.True(distances.Count > 10);
        Assert.Equal(distances.Order(), distances);
    }

    [Fact]
    public async Task The_directory_page_lists_and_pages_and_a_provider_page_shows_provenance()
    {
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var page = await staff.GetPageAsync("/directory?Pref=31&Service=550");
        Assert.Contains("介護医療院", page, StringComparison.Ordinal);
        var id = System.Text.RegularExpressions.Regex.Match(page, "href=\"/directory/(\\d+)\"").Groups[1].Value;
        var details = await staff.GetPageAsync($"/directory/{id}");
        Assert.Contains("介護サービス情報公表システム", details, StringComparison.Ordinal);
        var none = await staff.GetPageAsync("/directory?Pref=31&Q=" + Uri.EscapeDataString("存在しない名前ＸＹＺ"));
        Assert.Contains("条件に合う資源はありません", none, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/directory/999999")).StatusCode);
    }
}
