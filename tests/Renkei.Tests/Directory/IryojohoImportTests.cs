using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Tests.Support;
using Renkei.Web.Features.Directory;
using Renkei.Web.Features.Directory.Import;
using Renkei.Web.Platform.Cli;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>
/// The 医療情報ネット importer on the real hospital file and on broken variants of it; the clinic, dental and
/// pharmacy layouts on fixtures built from MHLW's 定義書 workbook.
/// </summary>
public sealed class IryojohoImportTests : IAsyncLifetime
{
    private const string HospitalFile = "01-1_hospital_facility_info_20250601.csv";

    private static string Source(string file) => Path.Combine(RepoPaths.Shared, "data", "iryojoho-net", file);

    private readonly TestDatabase _database = new();
    private RenkeiFactory _factory = null!;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "renkei-iryojoho-" + Guid.NewGuid().ToString("N")[..8]);

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

    private async Task<ImportPlan> Import(string path, string? pref = null)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<DirectoryImportService>();
        return (await service.ImportAsync(ImportKind.Iryojoho, path, Path.GetFileName(path), pref, false, true, "test")).Plan;
    }

    // Counted from the raw text with a pattern, not with the importer's reader: six quoted fields (ID, names,
    // English name), 機関区分 "1", then the quoted 2-digit 都道府県コード and 3-digit 市区町村コード.
    private static Dictionary<string, int> RowsPerPrefecture(string path) =>
        File.ReadLines(path).Select(l => Regex.Match(l, "^\"[^\"]*\",(?:\"[^\"]*\",){5}\"1\",\"(\\d{2})\",\"\\d{3}\",")).Where(m => m.Success)
            .GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public async Task The_real_hospital_file_imports_every_row_per_prefecture_and_a_second_run_changes_nothing()
    {
        var path = Source(HospitalFile);
        var dataRows = File.ReadLines(path).Skip(1).Count(l => l.Length > 0);
        var expected = RowsPerPrefecture(path);
        Assert.Equal(dataRows, expected.Values.Sum());
        Assert.Equal(47, expected.Count);
        Assert.Equal(39, expected["31"]);

        var first = await Import(path);
        Assert.Equal(dataRows, first.File.RowsRead);
        Assert.Equal(dataRows, first.New.Count);
        Assert.Empty(first.File.Rejected);
        Assert.Equal(new DateOnly(2025, 6, 1), first.File.AsOf);

        var (scope, db) = _factory.SystemDb();
        await using (scope)
        {
            var perPref = await db.Providers.Where(p => p.Kind == ProviderKind.Hospital).GroupBy(p => p.PrefectureCode)
                .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N);
            Assert.Equal(expected.OrderBy(e => e.Key), perPref.OrderBy(e => e.Key));
            Assert.Equal(dataRows, await db.Set<ProviderIdentifier>().CountAsync(i => i.Scheme == IdentifierScheme.IryojohoId));
        }

        var second = await Import(path);
        Assert.Equal("imported: 0 new, 0 changed, 7587 unchanged, 0 rejected", second.Summary);
    }

    [Fact]
    public async Task Known_hospitals_arrive_with_municipality_coordinates_url_beds_and_closed_days()
    {
        await Import(Source(HospitalFile), pref: "01");
        var (scope, db) = _factory.SystemDb();
        await using var _ = scope;
        async Task<Provider> ById(string id) =>
            await db.Providers.Include(p => p.Identifiers).SingleAsync(p => p.Identifiers.Any(i => i.Scheme == IdentifierScheme.IryojohoId && i.Value == id));

        var sapmed = await ById("0111010000010");
        Assert.Equal("札幌医科大学附属病院", sapmed.Name);
        Assert.Equal("サッポロイカダイガクフゾクビョウイン", sapmed.NameKana);
        Assert.Equal(ProviderKind.Hospital, sapmed.Kind);
        Assert.Equal("01", sapmed.PrefectureCode);
        Assert.Equal("011011", sapmed.MunicipalityCode); // 01 + 101 → 札幌市中央区
        Assert.Equal("北海道札幌市中央区南１条西１６丁目２９１番地", sapmed.Address);
        Assert.Equal(43.055405, sapmed.Latitude);
        Assert.Equal(141.333497, sapmed.Longitude);
        Assert.Equal(CoordinatePrecision.Exact, sapmed.CoordinatePrecision);
        Assert.Equal("https://web.sapmed.ac.jp/hospital/", sapmed.Url);
        Assert.Equal(848, sapmed.Beds);
        Assert.Equal("休診: 土・日・祝日", sapmed.OpenDays); // flags 0 = 休診, 1 = 診療 (定義書)
        Assert.Equal(new FieldMeta(DataSource.IryojohoNet, new DateOnly(2025, 6, 1), null, false, FieldVisibility.Public), sapmed.FieldMeta["Name"]);

        var shiritsu = await ById("0111010000020"); // 市立札幌病院: the file gives 0.0,0.0
        Assert.Equal("市立札幌病院", shiritsu.Name);
        Assert.Null(shiritsu.Latitude);
        Assert.Null(shiritsu.Longitude);
        Assert.Equal(CoordinatePrecision.None, shiritsu.CoordinatePrecision);

        var minamiIchijo = await ById("0111010000210"); // closed on the 2nd and 4th Saturday only
        Assert.Equal("休診: 日・祝日、第2・第4土曜", minamiIchijo.OpenDays);

        var chuo = await ById("0111010004040"); // 北海道中央病院: the home-page column holds an e-mail address
        Assert.Null(chuo.Url);
        Assert.Equal("central-hospital@bz01.plala.or.jp", chuo.Email);
    }

    [Fact]
    public async Task The_import_command_with_a_prefecture_imports_only_tottoris_hospitals()
    {
        var exit = await CliCommand.Parse(["import", "iryojoho", Source(HospitalFile), "--pref", "31"])!.RunAsync(_factory.Services);
        Assert.Equal(0, exit);
        var (scope, db) = _factory.SystemDb();
        await using var _ = scope;
        Assert.Equal(39, await db.Providers.CountAsync());
        Assert.Equal(39, await db.Providers.CountAsync(p => p.PrefectureCode == "31" && p.Kind == ProviderKind.Hospital));
        var run = await db.ImportRuns.SingleAsync();
        Assert.Equal((HospitalFile, 39, 0), (run.FileName, run.New, run.Rejected));
    }

    [Fact]
    public async Task Bad_rows_are_rejected_with_line_and_reason_and_the_rest_imports()
    {
        var lines = File.ReadLines(Source(HospitalFile)).Take(31).ToList(); // header + 30 Hokkaido hospitals
        string WithId(string line, string id) => $"\"{id}\"" + line[line.IndexOf(',', StringComparison.Ordinal)..];
        lines[2] = WithId(lines[2], "0111-0100000");                                               // not an ID
        lines[3] = Regex.Replace(lines[3], ",\"1\",\"01\",\"\\d{3}\",", ",\"1\",\"01\",\"999\",");   // no municipality 01999
        lines[4] = lines[4].Replace(",\"1\",\"01\",", ",\"2\",\"01\",", StringComparison.Ordinal);  // 診療所 in the hospital file
        lines[5] = WithId(lines[5], "9911010000060");                                              // another prefecture's prefix
        lines[6] = WithId(lines[6], lines[1][1..lines[1].IndexOf('"', 1)]);                          // the first row's ID again
        var copy = Path.Combine(_dir, HospitalFile);
        File.WriteAllLines(copy, lines, new UTF8Encoding(true));

        var plan = await Import(copy);
        Assert.Equal([3, 4, 5, 6, 7], plan.File.Rejected.Select(r => r.Line));
        Assert.Contains("ID「0111-0100000」", plan.File.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("団体コード「019992」", plan.File.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Contains("機関区分「2」", plan.File.Rejected[2].Reason, StringComparison.Ordinal);
        Assert.Contains("（011）で始まっていません", plan.File.Rejected[3].Reason, StringComparison.Ordinal);
        Assert.Contains("重複しています", plan.File.Rejected[4].Reason, StringComparison.Ordinal);
        Assert.Equal(25, plan.New.Count);
        Assert.EndsWith("5 rejected", plan.Summary, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Broken => new()
    {
        { "truncated", "途中で切れています" },
        { "shift-jis", "UTF-8 として読めません" },
        { "missing-column", "足りない列: 所在地座標（経度）" },
        { "extra-column", "余分な列: 追加列" },
        { "english-header", "見出しが公表されている形式と違います" },
        { "empty", "ファイルが空です" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task A_broken_file_gets_a_japanese_error_and_changes_nothing(string breakage, string message)
    {
        await Import(Source(HospitalFile), pref: "31");
        var original = File.ReadAllText(Source(HospitalFile));
        var path = Path.Combine(_dir, HospitalFile);
        switch (breakage)
        {
            case "truncated":
                // Cut the 31st data row after 20 of its 65 fields, as an interrupted download would.
                var lines = original.Split("\r\n");
                File.WriteAllText(path, string.Join("\r\n", lines.Take(31)) + "\r\n" + string.Join(",", lines[31].Split(',').Take(20)), new UTF8Encoding(true));
                break;
            case "shift-jis": File.WriteAllBytes(path, CodePagesEncoding.ShiftJis.GetBytes(original)); break;
            case "missing-column": File.WriteAllText(path, original.Replace("\"所在地座標（経度）\",", "", StringComparison.Ordinal), new UTF8Encoding(true)); break;
            case "extra-column": File.WriteAllText(path, original.Replace("\"合計病床数\"", "\"合計病床数\",\"追加列\"", StringComparison.Ordinal), new UTF8Encoding(true)); break;
            case "english-header": File.WriteAllText(path, "id,name,kana\r\n" + string.Join("\r\n", original.Split('\n').Skip(1)), new UTF8Encoding(true)); break;
            case "empty": File.WriteAllBytes(path, []); break;
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

    [Fact]
    public void The_definition_workbook_lists_the_real_hospital_header_except_for_the_case_of_gw()
    {
        var workbook = IryojohoDefinition.Columns("定義書_病院 (施設票)").Select(c => c.Name).ToList();
        var header = File.ReadLines(Source(HospitalFile)).First().TrimStart('\uFEFF').Split(',').Select(h => h.Trim('"')).ToList();
        Assert.Equal(65, workbook.Count);
        Assert.Equal(workbook.Select(h => h.ToUpperInvariant()), header.Select(h => h.ToUpperInvariant()));
        Assert.Equal(["その他の休診日（GW、お盆等）"], workbook.Except(header));
    }

    [Theory]
    [InlineData("定義書_診療所 (施設票)", "02-1_clinic_facility_info_20250601.csv", "2", ProviderKind.Clinic, "毎週決まった曜日に休診（土）|毎週決まった曜日に休診（日）|祝日に休診", "休診: 土・日・祝日")]
    [InlineData("定義書_歯科診療所 (施設票)", "03-1_dental_facility_info_20250601.csv", "3", ProviderKind.DentalClinic, "毎週決まった曜日に休診（木）|毎週決まった曜日に休診（日）", "休診: 木・日")]
    [InlineData("定義書_薬局", "05_pharmacy_20250601.csv", "5", ProviderKind.Pharmacy, "営業日（日）|祝日", "休業: 日・祝日")]
    public async Task Clinic_dental_and_pharmacy_files_built_from_the_definition_workbook_import_as_their_kinds(
        string sheet, string file, string kindCode, ProviderKind kind, string closedFlags, string openDays)
    {
        // No real file of these kinds is at hand: see IryojohoDefinition for how the fixture is built.
        var columns = IryojohoDefinition.Columns(sheet);
        string Named(string part) => columns.First(c => c.Name.Contains(part, StringComparison.Ordinal)).Name;
        var (name, kana, url) = (columns.Any(c => c.Name == "正式名称") ? "正式名称" : "名称", Named("フリガナ"), Named("ホームページアドレス"));
        var hasBeds = columns.Any(c => c.Name == "合計病床数");
        Dictionary<string, string> Row(string n, string city, string lat, string lng) => new()
        {
            ["ID"] = $"31{kindCode}00000{n}", [name] = $"テスト{n}", [kana] = "テスト", ["機関区分"] = kindCode, ["都道府県コード"] = "31",
            ["市区町村コード"] = city, ["所在地"] = "鳥取県鳥取市東町一丁目220", ["所在地座標（緯度）"] = lat, ["所在地座標（経度）"] = lng, [url] = "www.example.jp",
        };
        var open = Row("1", "201", "35.503867", "134.237716");
        foreach (var flag in closedFlags.Split('|')) open[flag] = "0";
        if (hasBeds) open["合計病床数"] = "19";
        var wrongKind = Row("4", "201", "35.5", "134.2");
        wrongKind["機関区分"] = "1";
        var path = Path.Combine(_dir, file);
        IryojohoDefinition.Write(path, columns, open, Row("2", "202", "0.0", "0.0"), Row("3", "999", "35.5", "134.2"), wrongKind);

        var plan = await Import(path);
        Assert.Equal([kind], plan.File.Slice.Kinds);
        Assert.Equal(new DateOnly(2025, 6, 1), plan.File.AsOf);
        Assert.Equal(2, plan.New.Count);
        Assert.Equal([4, 5], plan.File.Rejected.Select(r => r.Line));
        Assert.Contains("団体コード「319996」", plan.File.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("機関区分「1」", plan.File.Rejected[1].Reason, StringComparison.Ordinal);

        var (scope, db) = _factory.SystemDb();
        await using (scope)
        {
            var first = await db.Providers.SingleAsync(p => p.Name == "テスト1");
            Assert.Equal((kind, "312011", 35.503867, 134.237716), (first.Kind, first.MunicipalityCode, first.Latitude, first.Longitude));
            Assert.Equal(("テスト", "http://www.example.jp/", openDays), (first.NameKana, first.Url, first.OpenDays));
            Assert.Equal(hasBeds ? 19 : (int?)null, first.Beds);
            var second = await db.Providers.SingleAsync(p => p.Name == "テスト2");
            Assert.Equal("312029", second.MunicipalityCode);
            Assert.Null(second.Latitude);
            Assert.Equal(CoordinatePrecision.None, second.CoordinatePrecision);
            Assert.Equal(openDays[..openDays.IndexOf(':', StringComparison.Ordinal)] + ": なし", second.OpenDays);
        }
        Assert.Equal("imported: 0 new, 0 changed, 2 unchanged, 2 rejected", (await Import(path)).Summary);
    }
}
