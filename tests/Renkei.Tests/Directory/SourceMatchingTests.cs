using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Tests.Support;
using Renkei.Web.Features.Directory;
using Renkei.Web.Features.Directory.Import;
using Renkei.Web.Platform.Text;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>
/// One provider, many sources, measured on 鳥取県's hospitals in the 医療情報ネット file and the 厚生局 list
/// against the <see cref="LabelledSample"/>: 39 pairs; the 4 remaining 厚生局 hospitals (山陰労災病院 etc.)
/// are absent from the 医療情報ネット file.
/// </summary>
public sealed class SourceMatchingTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private RenkeiFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new RenkeiFactory(_database);
        Assert.NotNull(_factory.Server);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _database.Dispose();
    }

    private async Task Import(ImportKind kind, string path, string? pref)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DirectoryImportService>().ImportAsync(kind, path, Path.GetFileName(path), pref, false, true, "test");
    }

    [Fact]
    public async Task Hospitals_from_both_sources_become_one_provider_each_with_full_precision_and_recall_on_the_sample()
    {
        var iryojoho = Path.Combine(RepoPaths.Shared, "data", "iryojoho-net", "01-1_hospital_facility_info_20250601.csv");
        var kouseikyoku = Path.Combine(RepoPaths.Shared, "data", "kouseikyoku", "tottori-2025-10.xlsx");

        var truePairs = LabelledSample.Pairs(iryojoho, kouseikyoku, "31");
        Assert.Equal(39, truePairs.Count);

        await Import(ImportKind.Iryojoho, iryojoho, "31");
        await Import(ImportKind.Kouseikyoku, kouseikyoku, null);

        var (scope, db) = _factory.SystemDb();
        await using var _ = scope;
        var merged = await db.Providers.Where(p => p.Identifiers.Count > 1)
            .Select(p => new { Net = p.Identifiers.Where(i => i.Scheme == IdentifierScheme.IryojohoId).Select(i => i.Value).Single(), Code = p.Identifiers.Where(i => i.Scheme == IdentifierScheme.MedicalInstitutionCode).Select(i => i.Value).Single() })
            .ToListAsync();
        var predicted = merged.Select(m => (m.Net, m.Code)).ToHashSet();
        var truePositives = predicted.Intersect(truePairs).Count();
        var precision = (double)truePositives / predicted.Count;
        var recall = (double)truePositives / truePairs.Count;
        Assert.Equal(1.0, precision);
        Assert.Equal(1.0, recall);
        // The merged provider keeps the 医療情報ネット coordinates and gains the 厚生局 functions.
        Assert.True(await db.Providers.AnyAsync(p => p.Identifiers.Count > 1 && p.Latitude != null && p.Functions.Any(f => f.Source == DataSource.Kouseikyoku)));
    }

    [Fact]
    public async Task A_care_service_entered_by_hand_merges_with_its_own_service_not_with_another_service_of_the_same_office()
    {
        // くれよん (鳥取市雲山) is line 1301 of the 訪問入浴介護 (120) file, 事業所番号 3170102226. Staff entered it by hand
        // twice before any import: as the 訪問入浴介護 and as a 通所介護 (150) of the same office, same name and address.
        var (scope, db) = _factory.SystemDb();
        int bathing, dayCare;
        await using (scope)
        {
            Provider Add(string serviceCode) => db.Providers.Add(new Provider
            {
                Name = "くれよん", Kind = ProviderKind.CareService, ServiceCode = serviceCode, SearchKey = JapaneseText.SearchKey("くれよん"),
                PrefectureCode = "31", MunicipalityCode = TestWorld.Tottori, Address = "鳥取県鳥取市雲山１２３番地２",
                FieldMeta = new() { ["Name"] = new FieldMeta(DataSource.Manual, null, "test", false, FieldVisibility.Public) },
            }).Entity;
            var b = Add("120");
            var d = Add("150");
            await db.SaveChangesAsync();
            (bathing, dayCare) = (b.Id, d.Id);
        }

        await Import(ImportKind.KaigoOpenData, Path.Combine(RepoPaths.Shared, "data", "kaigo-opendata", "jigyosho_120.csv"), "31");

        var (check, after) = _factory.SystemDb();
        await using var _ = check;
        var office = await after.Set<ProviderIdentifier>().Where(i => i.Value == "3170102226:120").Select(i => i.ProviderId).SingleAsync();
        Assert.Equal(bathing, office);
        Assert.False(await after.Set<ProviderIdentifier>().AnyAsync(i => i.ProviderId == dayCare));
        Assert.False(await after.Set<MatchReview>().AnyAsync(r => r.CandidateId == dayCare));
    }
}
