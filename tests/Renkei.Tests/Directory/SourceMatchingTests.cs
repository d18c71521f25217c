using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Renkei.Tests.Support;
using Renkei.Web.Features.Directory;
using Renkei.Web.Features.Directory.Import;
using Renkei.Web.Platform.Text;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>
/// One provider, many sources, measured on 鳥取県's hospitals in the 医療情報ネット file and the 厚生局 list.
/// The labelled sample is built here, independently of the matcher: a true pair is a 医療情報ネット hospital
/// and a 厚生局 医科 facility whose names, with spaces removed, are equal or one ends with the other, in the
/// same city or town (the town name read from the address text). Built that way and read by hand on
/// 2026-11-22: 39 pairs; the 4 remaining 厚生局 hospitals (山陰労災病院 etc.) are absent from the 医療情報ネット file.
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

    private static string Plain(string s) => s.Replace(" ", "", StringComparison.Ordinal).Replace("　", "", StringComparison.Ordinal);

    private static string Town(string address)
    {
        var a = Plain(address).Replace("鳥取県", "", StringComparison.Ordinal);
        var end = a.IndexOfAny(['市', '町', '村']);
        return end < 0 ? a : a[..(end + 1)];
    }

    [Fact]
    public async Task Hospitals_from_both_sources_become_one_provider_each_with_full_precision_and_recall_on_the_sample()
    {
        var iryojoho = Path.Combine(RepoPaths.Shared, "data", "iryojoho-net", "01-1_hospital_facility_info_20250601.csv");
        var kouseikyoku = Path.Combine(RepoPaths.Shared, "data", "kouseikyoku", "tottori-2025-10.xlsx");

        // The labels: from the raw files, not from the product's readers.
        var netHospitals = CsvText.ReadFile(iryojoho).Skip(1).Where(r => r.Fields[7] == "31")
            .Select(r => (Id: r.Fields[0], Name: Plain(r.Fields[1]), Town: Town(r.Fields[9]))).ToList();
        var sheet = MiniExcel.Query(kouseikyoku, useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString() ?? "").ToArray()).ToList();
        var header = sheet.FindIndex(r => r.Contains("医療機関番号"));
        int Col(string name) => Array.IndexOf(sheet[header], name);
        var listed = sheet.Skip(header + 1).Where(r => r[Col("区分")] == "医科" && r[Col("医療機関番号")].Length > 0)
            .Select(r => (Code: "31" + "1" + r[Col("医療機関番号")].Normalize(System.Text.NormalizationForm.FormKC), Name: Plain(r[Col("医療機関名称")]), Town: Town(r[Col("医療機関所在地（住所）")])))
            .DistinctBy(r => r.Code).ToList();
        var truePairs = netHospitals.SelectMany(h => listed.Where(k => k.Town == h.Town && (k.Name == h.Name || k.Name.EndsWith(h.Name, StringComparison.Ordinal) || h.Name.EndsWith(k.Name, StringComparison.Ordinal)))
            .Select(k => (h.Id, k.Code))).ToHashSet();
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
}
