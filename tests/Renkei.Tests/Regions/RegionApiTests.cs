using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Renkei.Tests.Support;

namespace Renkei.Tests.Regions;

[Collection(AppCollection.Name)]
public sealed class RegionApiTests(AppFixture app)
{
    [Fact]
    public async Task Prefecture_lists_its_areas_with_population_and_an_area_lists_its_municipalities()
    {
        var client = app.Factory.CreateClient();
        var tottori = await client.GetFromJsonAsync<JsonElement>("/api/regions/prefectures/31");
        var areas = tottori.GetProperty("secondaryAreas").EnumerateArray().ToList();
        Assert.Equal(["東部", "中部", "西部"], areas.Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(19, areas.Sum(a => a.GetProperty("municipalities").GetInt32()));

        var east = await client.GetFromJsonAsync<JsonElement>("/api/regions/areas/3101");
        var names = east.GetProperty("municipalities").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
        Assert.Equal(["鳥取市", "岩美町", "若桜町", "智頭町", "八頭町"], names);
        var sum = east.GetProperty("municipalities").EnumerateArray().Sum(m => m.GetProperty("figures").GetProperty("population75Plus").GetInt64());
        Assert.Equal(sum, east.GetProperty("figures").GetProperty("population75Plus").GetInt64());
    }

    [Fact]
    public async Task Designated_city_areas_count_wards_not_the_city()
    {
        var client = app.Factory.CreateClient();
        var west = await client.GetFromJsonAsync<JsonElement>("/api/regions/areas/2208");
        var codes = west.GetProperty("municipalities").EnumerateArray().Select(m => m.GetProperty("code").GetString()).ToList();
        Assert.Contains("221384", codes);
        Assert.DoesNotContain("221309", codes);
    }

    [Theory]
    [InlineData("/api/regions/prefectures/99", HttpStatusCode.NotFound)]
    [InlineData("/api/regions/areas/0000", HttpStatusCode.NotFound)]
    [InlineData("/api/regions/municipalities/312019", HttpStatusCode.BadRequest)]
    [InlineData("/api/regions/municipalities/990001", HttpStatusCode.NotFound)]
    [InlineData("/regions/99", HttpStatusCode.NotFound)]
    public async Task Unknown_or_invalid_codes_get_a_clear_answer(string url, HttpStatusCode expected)
    {
        var response = await app.Factory.CreateClient().GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Matches(url.StartsWith("/api", StringComparison.Ordinal) ? "(ありません|正しくありません)" : "ページが見つかりません", body);
    }
}
