using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Renkei.Tests.Support;
using Renkei.Web.Features.Regions;

namespace Renkei.Tests.Regions;

[Collection(AppCollection.Name)]
public sealed class ReferenceDataTests(AppFixture app)
{
    private static string SharedData(string path) => Path.Combine(RepoPaths.Shared, "data", path);

    [Fact]
    public async Task Loads_every_prefecture_area_and_municipality()
    {
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.Equal(47, await db.Prefectures.CountAsync());
        Assert.Equal(339, await db.SecondaryAreas.CountAsync());
        // 1,741 municipalities; the 175 wards of 2020 become 171 after 浜松市's 7 wards became 3.
        Assert.Equal(1741, await db.Municipalities.CountAsync(m => m.Kind != MunicipalityKind.Ward));
        Assert.Equal(171, await db.Municipalities.CountAsync(m => m.Kind == MunicipalityKind.Ward));
        Assert.Equal(20, await db.Municipalities.CountAsync(m => m.Kind == MunicipalityKind.DesignatedCity));
        Assert.Equal(23, await db.Municipalities.CountAsync(m => m.Kind == MunicipalityKind.SpecialWard));
        var codes = await db.Municipalities.Select(m => m.Code).ToListAsync();
        Assert.All(codes, c => Assert.True(LocalGovernmentCode.IsValid(c), c));
        Assert.Equal(0, await db.Municipalities.CountAsync(m => m.SecondaryAreaCode == null && m.Kind != MunicipalityKind.DesignatedCity));
    }

    [Fact]
    public async Task Hamamatsu_old_wards_are_resolved_to_the_2024_wards()
    {
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.False(await db.Municipalities.AnyAsync(m => m.Code.StartsWith("22131") || m.Code.StartsWith("22137")));
        var wards = await db.Municipalities.Where(m => m.ParentCode == "221309").OrderBy(m => m.Code).ToListAsync();
        Assert.Equal(["221384", "221392", "221406"], wards.Select(w => w.Code));
        Assert.Equal(["浜松市中央区", "浜松市浜名区", "浜松市天竜区"], wards.Select(w => w.Name));
        Assert.All(wards, w => Assert.Equal("2208", w.SecondaryAreaCode));
        Assert.All(wards, w => Assert.True(w.CentroidApproximate));
        Assert.Equal(604410, wards[0].Population);
        var city = await db.Municipalities.SingleAsync(m => m.Code == "221309");
        Assert.Equal(MunicipalityKind.DesignatedCity, city.Kind);
        Assert.Equal("2208", city.SecondaryAreaCode);
    }

    [Fact]
    public async Task Population_figures_match_the_source_workbook_read_independently()
    {
        // Read the 計 rows of the 住民基本台帳 file here, by column position, without the product's parser.
        var rows = MiniExcel.Query(SharedData("population/juki_age_muni_2025.xlsx"), useHeaderRow: false)
            .Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(v => v?.ToString()).ToArray())
            .Where(r => r[3] == "計").ToDictionary(r => r[0]!, r => r);
        static long Sum(string?[] row, int from) => Enumerable.Range(from, 26 - from).Sum(i => long.Parse(row[i]!, System.Globalization.CultureInfo.InvariantCulture));
        // Columns: 4 総数, 5 = 0〜4歳 … so 65〜69 is column 18 and 75〜79 column 20.
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        var tottori = await db.Municipalities.SingleAsync(m => m.Code == "312011");
        Assert.Equal(long.Parse(rows["312011"][4]!, System.Globalization.CultureInfo.InvariantCulture), (long?)tottori.Population);
        Assert.Equal(Sum(rows["312011"], 18), (long?)tottori.Population65Plus);
        Assert.Equal(Sum(rows["312011"], 20), (long?)tottori.Population75Plus);

        // Nothing counted twice or lost: each prefecture's 75+ (summed over its municipalities, wards
        // excluded) equals the file's own prefecture row (code NN000C).
        var national = await app.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/regions/prefectures");
        var byPrefecture = national.EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!, p => p.GetProperty("figures"));
        var prefectureRows = rows.Where(r => r.Key.Length == 6 && r.Key[2..5] == "000").ToList();
        Assert.Equal(47, prefectureRows.Count);
        foreach (var (code, row) in prefectureRows)
        {
            Assert.Equal(Sum(row, 20), byPrefecture[code[..2]].GetProperty("population75Plus").GetInt64());
            Assert.Equal(Sum(row, 18), byPrefecture[code[..2]].GetProperty("population65Plus").GetInt64());
        }
    }

    [Fact]
    public async Task Loading_again_with_the_same_files_changes_nothing()
    {
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        var loader = new ReferenceDataLoader(db, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<ReferenceDataLoader>.Instance);
        Assert.False(await loader.LoadAsync(ReferenceDataLoader.DefaultDirectory));
    }
}
