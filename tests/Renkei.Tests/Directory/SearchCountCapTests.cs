using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renkei.Tests.Support;
using Renkei.Web.Features.Directory;
using Renkei.Web.Platform.Text;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>
/// Beyond <see cref="ProviderSearch.CountCap"/> matches the count stops ("1,000 件以上") and pages are read in
/// name order from the name index: the rows must be exactly those a full sort would give, filters included.
/// Its own app and database, so the 1,200 extra providers do not change other tests' counts.
/// </summary>
public sealed class SearchCountCapTests(AppFixture app) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private const int Total = 1_200;

    public async Task InitializeAsync()
    {
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        if (await db.Providers.AnyAsync(p => p.PrefectureCode == "47")) return; // once per class: xunit calls this before every test
        db.BulkImport = true;
        // Shuffled names so that insertion (id) order is not name order; every 7th unlisted, every other one consenting.
        var random = new Random(3);
        foreach (var i in Enumerable.Range(0, Total).OrderBy(_ => random.Next()))
        {
            var name = $"容量試験ケアホーム{i:0000}";
            db.Providers.Add(new Provider
            {
                Name = name, SearchKey = JapaneseText.SearchKey(name), PrefectureCode = "47", MunicipalityCode = "472018",
                Kind = i % 3 == 0 ? ProviderKind.Clinic : ProviderKind.CareService, Listed = i % 7 != 0, PublicationConsent = i % 2 == 0,
            });
        }
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<int>> ExpectedAsync(Func<IQueryable<Provider>, IQueryable<Provider>> filter)
    {
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        var rows = await filter(db.Providers.Where(p => p.PrefectureCode == "47" && p.Listed)).Select(p => new { p.Id, p.SearchKey }).ToListAsync();
        return [.. rows.OrderBy(r => r.SearchKey, StringComparer.Ordinal).ThenBy(r => r.Id).Select(r => r.Id)];
    }

    [Fact]
    public async Task Api_caps_the_count_and_pages_through_the_first_thousand_in_name_order()
    {
        var expected = await ExpectedAsync(q => q);
        Assert.True(expected.Count > ProviderSearch.CountCap);
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        foreach (var query in new[] { "Pref=47", "Pref=47&Q=" + Uri.EscapeDataString("容量試験") })
        {
            var first = await staff.Client.GetFromJsonAsync<JsonElement>($"/api/directory/providers?{query}");
            Assert.Equal(ProviderSearch.CountCap, first.GetProperty("total").GetInt32());
            Assert.True(first.GetProperty("totalIsAtLeast").GetBoolean());
            Assert.Equal(ProviderSearch.CountCap / 50, first.GetProperty("pageCount").GetInt32());
            Assert.Equal(expected.Take(50), Ids(first));
            var last = await staff.Client.GetFromJsonAsync<JsonElement>($"/api/directory/providers?{query}&P=20");
            Assert.Equal(expected.Skip(950).Take(50), Ids(last));
        }
    }

    [Fact]
    public async Task Below_the_cap_the_count_is_exact()
    {
        var expected = await ExpectedAsync(q => q.Where(p => p.Kind == ProviderKind.Clinic));
        Assert.InRange(expected.Count, 51, ProviderSearch.CountCap);
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var result = await staff.Client.GetFromJsonAsync<JsonElement>($"/api/directory/providers?Pref=47&Kind=Clinic&Q={Uri.EscapeDataString("容量試験")}");
        Assert.Equal(expected.Count, result.GetProperty("total").GetInt32());
        Assert.False(result.GetProperty("totalIsAtLeast").GetBoolean());
        Assert.Equal(expected.Take(50), Ids(result));
    }

    [Fact]
    public async Task Pages_say_at_least_a_thousand_instead_of_a_false_total()
    {
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var html = await staff.Client.GetStringAsync($"/directory?Pref=47&Q={Uri.EscapeDataString("容量試験")}");
        Assert.Contains("1,000 件以上", html, StringComparison.Ordinal);
        Assert.DoesNotContain("全 1,000 件中", html, StringComparison.Ordinal);

        var consenting = await ExpectedAsync(q => q.Where(p => p.PublicationConsent));
        Assert.True(consenting.Count < ProviderSearch.CountCap);
        using var resident = WebSession.Open(app.Factory);
        var publicHtml = await resident.Client.GetStringAsync($"/public/directory?Pref=47&Q={Uri.EscapeDataString("容量試験")}");
        Assert.Contains($"全 {consenting.Count:N0} 件中", publicHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("件以上", publicHtml, StringComparison.Ordinal);
    }

    private static List<int> Ids(JsonElement result) => [.. result.GetProperty("providers").EnumerateArray().Select(p => p.GetProperty("id").GetInt32())];
}
