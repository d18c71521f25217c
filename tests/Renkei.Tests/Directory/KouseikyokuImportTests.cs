using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Renkei.Tests.Support;
using Renkei.Web.Features.Directory;
using Renkei.Web.Features.Directory.Import;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>The 地方厚生局 届出受理医療機関名簿 importer on the real Tottori and Yamanashi lists, and on broken files.</summary>
public sealed class KouseikyokuImportTests : IAsyncLifetime
{
    private static string Source(string file) => Path.Combine(RepoPaths.Shared, "data", "kouseikyoku", file);

    private readonly TestDatabase _database = new();
    private RenkeiFactory _factory = null!;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "renkei-kouseikyoku-" + Guid.NewGuid().ToString("N")[..8]);

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _factory = new RenkeiFactory(_database);
        Assert.NotNull(_factory.Server);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _database.Dispose();
        Directory.Delete(_dir, true);
    }

    private async Task<ImportPlan> Import(string path, string? pref = null, bool apply = true)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<DirectoryImportService>();
        return (await service.ImportAsync(ImportKind.Kouseikyoku, path, Path.GetFileName(path), pref, false, apply, "test")).Plan;
    }

    // The sheet read straight with MiniExcel, not with the importer's reader: every row below the row
    // holding 医療機関番号 (continuation rows too), as header → text.
    internal static List<Dictionary<string, string>> RowsBelowHeader(string path)
    {
        var rows = MiniExcel.Query(path, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString()?.Trim() ?? "").ToArray()).ToList();
        var header = rows.Single(r => r.Contains("医療機関番号"));
        return [.. rows.SkipWhile(r => r != header).Skip(1)
            .Select(r => header.Select((name, i) => (name, i)).Where(c => c.name.Length > 0).ToDictionary(c => c.name, c => r[c.i]))];
    }

    // The rows that name a facility.
    private static List<Dictionary<string, string>> SheetRows(string path) => [.. RowsBelowHeader(path).Where(r => r["医療機関番号"].Length > 0)];

    private static int FacilitiesWith(List<Dictionary<string, string>> rows, string symbolPrefix) =>
        rows.Where(r => r["受理記号"].StartsWith(symbolPrefix, StringComparison.Ordinal)).Select(r => r["区分"] + r["医療機関番号"]).Distinct().Count();

    [Fact]
    public async Task The_tottori_list_imports_every_facility_once_with_its_functions_and_a_second_run_changes_nothing()
    {
        var rows = SheetRows(Source("tottori-2025-10.xlsx"));
        var facilities = rows.Select(r => r["区分"] + r["医療機関番号"]).Distinct().Count();
        var supportClinics = FacilitiesWith(rows, "支援診");
        var homeCarePharmacies = FacilitiesWith(rows, "在薬"); // 在薬 and 在薬総
        Assert.True(supportClinics > 0 && homeCarePharmacies > 0);

        var first = await Import(Source("tottori-2025-10.xlsx"));
        Assert.Equal(RowsBelowHeader(Source("tottori-2025-10.xlsx")).Count, first.File.RowsRead); // one row per 届出, and continuation rows
        Assert.True(first.File.RowsRead > 5 * facilities);
        Assert.Empty(first.File.Rejected);
        Assert.Equal(facilities, first.New.Count);
        Assert.Equal(new DateOnly(2025, 10, 1), first.File.AsOf); // "[令和７年１０月１日 現在 ]"

        var (scope, db) = _factory.SystemDb();
        await using (scope)
        {
            Assert.Equal(facilities, await db.Set<ProviderIdentifier>().CountAsync(i => i.Scheme == IdentifierScheme.MedicalInstitutionCode));
            Assert.Equal(supportClinics, await db.Set<ProviderFunction>().CountAsync(f => f.Code == "home-support-clinic" && f.Source == DataSource.Kouseikyoku));
            Assert.Equal(homeCarePharmacies, await db.Set<ProviderFunction>().CountAsync(f => f.Code == "pharmacy-home-care" && f.Source == DataSource.Kouseikyoku));
            var kinds = await db.Providers.GroupBy(p => p.Kind).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N);
            Assert.Equal(rows.Where(r => r["種別コード"] == "22").Select(r => r["医療機関番号"]).Distinct().Count(), kinds[ProviderKind.Hospital]);
            Assert.Equal(rows.Where(r => r["区分"] == "歯科").Select(r => r["医療機関番号"]).Distinct().Count(), kinds[ProviderKind.DentalClinic]);
            Assert.Equal(rows.Where(r => r["区分"] == "薬局").Select(r => r["医療機関番号"]).Distinct().Count(), kinds[ProviderKind.Pharmacy]);

            // Every facility lies in a 鳥取県 municipality; those written "八頭郡八頭町…" in 八頭町.
            var tottori = await db.Municipalities.Where(m => m.PrefectureCode == "31").ToDictionaryAsync(m => m.Code, m => m.Name);
            var placed = await db.Providers.Select(p => new { p.MunicipalityCode, p.Address }).ToListAsync();
            Assert.All(placed, p => Assert.True(p.MunicipalityCode is not null && tottori.ContainsKey(p.MunicipalityCode), $"{p.Address} → {p.MunicipalityCode}"));
            var yazu = placed.Where(p => p.Address!.StartsWith("八頭郡八頭町", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(yazu);
            Assert.All(yazu, p => Assert.Equal("八頭町", tottori[p.MunicipalityCode!]));
        }

        var second = await Import(Source("tottori-2025-10.xlsx"));
        Assert.Equal($"imported: 0 new, 0 changed, {facilities} unchanged, 0 rejected", second.Summary);
        Assert.Empty(second.NoLongerListed);
    }

    [Fact]
    public async Task A_known_facility_arrives_with_its_code_contacts_beds_and_the_dates_of_its_standards()
    {
        var rows = SheetRows(Source("tottori-2025-10.xlsx"));
        Assert.Equal("令和 4年10月 1日", rows.Single(r => r["医療機関番号"] == "0110685" && r["受理記号"] == "支援診３")["算定開始年月日"]);
        Assert.Equal("平成18年 4月 1日", rows.Single(r => r["医療機関番号"] == "0110685" && r["受理記号"] == "在医総管１")["算定開始年月日"]);
        await Import(Source("tottori-2025-10.xlsx"));

        var (scope, db) = _factory.SystemDb();
        await using var _ = scope;
        var clinic = await db.Providers.Include(p => p.Functions).SingleAsync(p => p.Identifiers.Any(i => i.Value == "3110110685"));
        Assert.Equal("医療法人　山本外科内科医院", clinic.Name);
        Assert.Equal(ProviderKind.Clinic, clinic.Kind);
        Assert.Equal("312011", clinic.MunicipalityCode); // 鳥取市
        Assert.Null(clinic.Beds);
        var since = clinic.Functions.ToDictionary(f => f.Code, f => f.Since);
        Assert.Equal(new DateOnly(2022, 10, 1), since["home-support-clinic"]); // 支援診３ 令和4年10月1日
        Assert.Equal(new DateOnly(2006, 4, 1), since["home-visit"]);           // the earlier of 在医総管１ (平成18年) and 支援診３
        Assert.Equal(DataSource.Kouseikyoku, clinic.FieldMeta["Name"].Source);
        Assert.Equal(new DateOnly(2025, 10, 1), clinic.FieldMeta["Name"].AsOf);

        var hospital = await db.Providers.SingleAsync(p => p.Identifiers.Any(i => i.Value == "3118010028"));
        Assert.Equal("鳥取大学医学部附属病院", hospital.Name);
        Assert.Equal(ProviderKind.Hospital, hospital.Kind);
        Assert.Equal(697, hospital.Beds); // 一般 649／結核 6／精神 40／一般（感染） 2
    }

    [Fact]
    public async Task The_yamanashi_list_without_type_codes_imports_beside_tottori_and_keeps_facilities_without_standards()
    {
        await Import(Source("tottori-2025-10.xlsx"));
        var rows = SheetRows(Source("yamanashi-ika-2025-10.xlsx"));
        var facilities = rows.Select(r => r["医療機関番号"]).Distinct().ToList();
        var withoutStandards = rows.GroupBy(r => r["医療機関番号"]).Where(g => g.All(r => r["受理記号"].Length == 0)).Select(g => "191" + g.Key).ToList();
        Assert.NotEmpty(withoutStandards);

        var plan = await Import(Source("yamanashi-ika-2025-10.xlsx"));
        Assert.Empty(plan.File.Rejected);
        Assert.Equal(facilities.Count, plan.New.Count);
        Assert.Empty(plan.NoLongerListed); // a 山梨 list says nothing about 鳥取
        Assert.Equal(new DateOnly(2025, 9, 1), plan.File.AsOf); // "[令和７年９月１日 現在 ]令和７年１０月２日作成"

        var (scope, db) = _factory.SystemDb();
        await using var _ = scope;
        var yamanashi = await db.Providers.Where(p => p.PrefectureCode == "19").Include(p => p.Identifiers).Include(p => p.Functions).ToListAsync();
        Assert.Equal(facilities.Count, yamanashi.Count);
        Assert.All(yamanashi, p => Assert.StartsWith("19", p.MunicipalityCode, StringComparison.Ordinal));
        Assert.All(yamanashi.Where(p => withoutStandards.Contains(p.Identifiers.Single().Value)), p => Assert.Empty(p.Functions));
        // No 種別コード here: 20 beds or more make a 病院 (医療法), even when one part of the count is blank.
        var kasugai = yamanashi.Single(p => p.Name == "春日居総合リハビリテーション病院"); // 病床数 "一般　　／療養　　200"
        Assert.Equal(ProviderKind.Hospital, kasugai.Kind);
        Assert.Null(kasugai.Beds);
        Assert.All(yamanashi.Where(p => p.Beds is < 20 or null && p != kasugai), p => Assert.Equal(ProviderKind.Clinic, p.Kind));
        Assert.Equal(ProviderKind.Hospital, yamanashi.Single(p => p.Name == "公益財団法人リヴィーズ　ＨＡＮＡＺＯＮＯホスピタル").Kind);
        Assert.Equal(await db.Providers.CountAsync(p => p.PrefectureCode == "31"), await db.Providers.CountAsync(p => p.PrefectureCode == "31" && p.Listed));
    }

    public static TheoryData<string, string> Broken => new()
    {
        { "truncated", "途中で切れています" },
        { "csv-renamed", "Excel ブック（.xlsx）ではありません" },
        { "old-xls", "古い Excel 形式（.xls）" },
        { "empty", "ファイルが空です" },
        { "no-header", "見出し行（都道府県コード、区分、医療機関番号" },
        { "header-only", "医療機関の行がありません" },
        { "zip-bomb", "を超えるため読み込みません" },
        { "high-ratio", "圧縮率が異常に高い" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task A_broken_file_gets_a_japanese_error_and_changes_nothing(string breakage, string message)
    {
        await Import(Source("yamanashi-ika-2025-10.xlsx"));
        var path = Path.Combine(_dir, "broken.xlsx");
        var original = await File.ReadAllBytesAsync(Source("tottori-2025-10.xlsx"));
        switch (breakage)
        {
            case "truncated": await File.WriteAllBytesAsync(path, original[..(original.Length / 2)]); break; // an interrupted download
            case "csv-renamed":
                await File.WriteAllTextAsync(path, "項番,都道府県コード,都道府県名,区分,医療機関番号\r\n1,31,鳥取県,医科,0110750\r\n", new UTF8Encoding(true));
                break;
            case "old-xls": await File.WriteAllBytesAsync(path, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]]); break;
            case "empty": await File.WriteAllBytesAsync(path, []); break;
            case "no-header": WriteSheet(path, SheetCells(Source("tottori-2025-10.xlsx")).Where(r => !r.Contains("医療機関番号"))); break;
            case "header-only": WriteSheet(path, SheetCells(Source("tottori-2025-10.xlsx")).Take(4)); break;
            case "zip-bomb": WriteZip(path, 256L * 1024 * 1024); break;   // 256 MB of spaces in about 250 KB
            case "high-ratio": WriteZip(path, 20L * 1024 * 1024); break;  // small enough in total, but 1000 times compressed
        }
        var (scope, db) = _factory.SystemDb();
        await using var _ = scope;
        var before = await db.Providers.OrderBy(p => p.Id).Select(p => p.Name + p.Version + p.Listed).ToListAsync();
        var runs = await db.ImportRuns.CountAsync();

        var error = await Assert.ThrowsAsync<ImportFileException>(() => Import(path));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);

        db.ChangeTracker.Clear();
        Assert.Equal(before, await db.Providers.OrderBy(p => p.Id).Select(p => p.Name + p.Version + p.Listed).ToListAsync());
        Assert.Equal(runs, await db.ImportRuns.CountAsync());
    }

    private static IEnumerable<string[]> SheetCells(string path) =>
        MiniExcel.Query(path, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString() ?? "").ToArray());

    private static void WriteSheet(string path, IEnumerable<string[]> rows) =>
        MiniExcel.SaveAs(path, rows.Select(r => (IDictionary<string, object>)r.Select((v, i) => (v, i)).ToDictionary(c => "c" + c.i, c => (object)c.v)),
            printHeader: false, excelType: ExcelType.XLSX, overwriteFile: true);

    // A workbook whose one sheet is a long run of spaces: tiny on disk, huge once expanded.
    private static void WriteZip(string path, long sheetBytes)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var workbook = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open())) workbook.Write("<workbook/>");
        using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        var block = new byte[1024 * 1024];
        Array.Fill(block, (byte)' ');
        for (long written = 0; written < sheetBytes; written += block.Length) sheet.Write(block);
    }
}
