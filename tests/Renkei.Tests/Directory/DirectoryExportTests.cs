using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Renkei.Tests.Support;
using Renkei.Web.Features.Directory;
using Renkei.Web.Features.Directory.Import;
using Renkei.Web.Platform.Text;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>
/// The 鳥取県 訪問リハビリテーション and 介護医療院 rows plus one clinic, with a few providers changed
/// directly in the database: one consenting, one with an internal phone, one hostile name, one name
/// outside Shift_JIS. An app of its own because those changes would show in other classes' searches.
/// </summary>
public sealed class DirectoryExportFixture : IAsyncLifetime
{
    public const string HostileName = "=HYPERLINK(\"http://evil.example/\",\"クリック\")";
    public const string ClinicName = "テスト在宅クリニック";
    private readonly TestDatabase _database = new();
    public RenkeiFactory Factory { get; private set; } = null!;
    public Provider Consenting { get; private set; } = null!;
    public Provider InternalPhone { get; private set; } = null!;
    public Provider Plain { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new RenkeiFactory(_database);
        _ = Factory.Server;
        await TestWorld.SeedAsync(Factory);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<DirectoryImportService>();
            foreach (var file in new[] { "jigyosho_140.csv", "jigyosho_550.csv" })
                await service.ImportAsync(ImportKind.KaigoOpenData, Path.Combine(RepoPaths.Shared, "data", "kaigo-opendata", file), file, "31", false, true, "test");
        }
        var (s, db) = Factory.SystemDb();
        await using var systemScope = s;
        var tottori = await db.Providers.Where(p => p.MunicipalityCode == TestWorld.Tottori && p.Phone != null).OrderBy(p => p.Id).Take(5).ToListAsync();
        Consenting = tottori[0];
        Consenting.PublicationConsent = true;
        Consenting.Fax = "0857-00-0009"; // distinct from any phone, so its absence from HSDS means something
        Consenting.Email = "private@example.jp"; // Email is for professionals by default: never in HSDS.
        InternalPhone = tottori[1];
        InternalPhone.FieldMeta = new(InternalPhone.FieldMeta) { ["Phone"] = new FieldMeta(DataSource.Manual, null, "test", true, FieldVisibility.Internal) };
        tottori[2].Name = HostileName;
        tottori[3].Name = "𠮷田訪問リハビリテーション";
        Plain = tottori[4];
        db.Providers.Add(new Provider
        {
            Kind = ProviderKind.Clinic, Name = ClinicName, SearchKey = JapaneseText.SearchKey(ClinicName), PrefectureCode = "31",
            MunicipalityCode = TestWorld.Tottori, Phone = "0857-00-0000",
        });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        _database.Dispose();
    }
}

public sealed class DirectoryExportTests(DirectoryExportFixture world) : IClassFixture<DirectoryExportFixture>
{
    private const string Search = "Pref=31";

    private static async Task<List<IReadOnlyList<string>>> CsvAsync(WebSession session, string url, Encoding encoding)
    {
        var bytes = await (await session.GetAsync(url)).Content.ReadAsByteArrayAsync();
        return [.. CsvText.Parse(encoding.GetString(bytes).TrimStart('\uFEFF')).Select(r => r.Fields)];
    }

    [Fact]
    public async Task The_csv_has_a_bom_every_row_of_the_search_and_a_neutralised_formula()
    {
        using var staff = await WebSession.SignInAsync(world.Factory, "tottori-staff");
        var total = (await staff.Client.GetFromJsonAsync<JsonElement>("/api/directory/providers?" + Search)).GetProperty("total").GetInt32();
        Assert.True(total > Web.Platform.Web.Paging.PageSize, "the export must cover more than one page");

        var response = await staff.GetAsync("/directory/export/csv?" + Search);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("filename*=UTF-8''", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"^資源一覧_\d{8}\.csv$", response.Content.Headers.ContentDisposition.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

        var rows = await CsvAsync(staff, "/directory/export/csv?" + Search, Encoding.UTF8);
        Assert.Equal(["名称", "名称（カナ）", "種別", "サービス", "都道府県", "市区町村", "所在地", "電話", "FAX", "メール", "ホームページ", "営業日", "診療科目", "診療時間", "病床数", "定員", "機能", "最終確認日", "出典"], rows[0]);
        Assert.Equal(total, rows.Count - 1);
        Assert.Contains(rows, r => r[0] == "'" + DirectoryExportFixture.HostileName);
        Assert.DoesNotContain(rows, r => r[0].StartsWith('='));
        var plain = rows.Single(r => r[0] == world.Plain.Name && r[6] == world.Plain.Address);
        Assert.Equal(["介護サービス", "鳥取県", "鳥取市", "介護サービス情報公表システム"], [plain[2], plain[4], plain[5], plain[18]]);
    }

    [Fact]
    public async Task The_shift_jis_csv_decodes_and_marks_characters_it_cannot_hold()
    {
        using var staff = await WebSession.SignInAsync(world.Factory, "tottori-staff");
        var response = await staff.GetAsync("/directory/export/csv?encoding=sjis&" + Search);
        Assert.Contains("shift_jis", response.Content.Headers.ContentType!.ToString(), StringComparison.OrdinalIgnoreCase);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(0xEF, bytes[0]);
        var text = CodePagesEncoding.ShiftJis.GetString(bytes);
        Assert.Contains(world.Plain.Name, text, StringComparison.Ordinal);
        Assert.Contains("〓田訪問リハビリテーション", text, StringComparison.Ordinal);
        Assert.DoesNotContain("?田訪問", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_xlsx_has_the_same_rows_as_the_csv()
    {
        using var staff = await WebSession.SignInAsync(world.Factory, "tottori-staff");
        var csv = await CsvAsync(staff, "/directory/export/csv?" + Search, Encoding.UTF8);
        var response = await staff.GetAsync("/directory/export/xlsx?" + Search);
        Assert.Matches(@"^資源一覧_\d{8}\.xlsx$", response.Content.Headers.ContentDisposition!.FileNameStar);
        using var xlsx = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["資源一覧"], MiniExcel.GetSheetNames(xlsx));
        var rows = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "資源一覧", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        // The CSV's leading quote on a formula-like name is the CSV's guard, not part of the name.
        Assert.Equal(csv.Skip(1).Select(r => r[0].StartsWith("'=", StringComparison.Ordinal) ? r[0][1..] : r[0]), rows.Select(r => r["名称"]?.ToString()));
    }

    [Fact]
    public async Task An_internal_field_is_exported_only_to_the_providers_own_municipality()
    {
        var search = $"Pref=31&Muni={TestWorld.Tottori}";
        using var own = await WebSession.SignInAsync(world.Factory, "tottori-staff");
        using var other = await WebSession.SignInAsync(world.Factory, "yonago-staff");
        string? Phone(List<IReadOnlyList<string>> rows) => rows.Single(r => r[0] == world.InternalPhone.Name && r[6] == world.InternalPhone.Address)[7];
        Assert.Equal(world.InternalPhone.Phone, Phone(await CsvAsync(own, "/directory/export/csv?" + search, Encoding.UTF8)));
        Assert.Equal("", Phone(await CsvAsync(other, "/directory/export/csv?" + search, Encoding.UTF8)));
        // Professionals' fields (FAX) go to every signed-in user.
        var consenting = (await CsvAsync(other, "/directory/export/csv?" + search, Encoding.UTF8)).Single(r => r[0] == world.Consenting.Name && r[6] == world.Consenting.Address);
        Assert.Equal(world.Consenting.Fax, consenting[8]);
    }

    [Fact]
    public async Task The_hsds_zip_holds_only_consenting_providers_public_fields()
    {
        using var staff = await WebSession.SignInAsync(world.Factory, "tottori-staff");
        var response = await staff.GetAsync("/directory/export/hsds?" + Search);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var tables = new Dictionary<string, List<IReadOnlyList<string>>>();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            tables[entry.Name] = [.. CsvText.Parse(await reader.ReadToEndAsync()).Select(r => r.Fields)];
        }
        Assert.Equal(["id", "name", "alternate_name", "description", "email", "url"], tables["organization.csv"][0].Take(6));
        Assert.Equal(["id", "organization_id"], tables["service.csv"][0].Take(2));
        Assert.Contains("status", tables["service.csv"][0]);
        Assert.Equal(["id", "organization_id", "name", "alternate_name", "description", "transportation", "latitude", "longitude"], tables["location.csv"][0]);
        Assert.Equal(["id", "service_id", "location_id", "description"], tables["service_at_location.csv"][0]);
        Assert.Equal(["id", "location_id", "service_id"], tables["phone.csv"][0].Take(3));
        Assert.Contains("number", tables["phone.csv"][0]);
        Assert.Contains("type", tables["phone.csv"][0]);

        var services = tables["service.csv"].Skip(1).ToList();
        Assert.Equal(["renkei-provider-" + world.Consenting.Id], services.Select(r => r[0]));
        Assert.Equal(world.Consenting.Name, services[0][3]);
        Assert.Equal("active", services[0][8]);
        Assert.Contains(tables["phone.csv"].Skip(1), r => r[6] == world.Consenting.Phone && r[8] == "voice");
        var all = string.Join("\n", tables.Values.SelectMany(t => t).SelectMany(r => r));
        Assert.DoesNotContain(world.Consenting.Fax!, all, StringComparison.Ordinal);
        Assert.DoesNotContain("private@example.jp", all, StringComparison.Ordinal);
        Assert.DoesNotContain(DirectoryExportFixture.ClinicName, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_booklet_groups_by_kind_and_municipality_and_exports_need_a_sign_in()
    {
        using var anonymous = WebSession.Open(world.Factory);
        foreach (var url in new[] { "/directory/export/csv?", "/directory/export/csv?encoding=sjis&", "/directory/export/xlsx?", "/directory/export/hsds?", "/directory/booklet?" })
        {
            var status = (await anonymous.GetAsync(url + Search)).StatusCode;
            Assert.True(status is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, $"{url}: {status}");
        }

        using var staff = await WebSession.SignInAsync(world.Factory, "tottori-staff");
        var page = await staff.GetPageAsync($"/directory/booklet?{Search}");
        Assert.Contains("data-print", page, StringComparison.Ordinal);
        Assert.Contains("href=\"#kind-clinic\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"kind-clinic-h\">診療所</h2>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"kind-careservice-h\">介護サービス</h2>", page, StringComparison.Ordinal);
        Assert.Matches("<h3 class=\"h6 booklet-muni\">鳥取市（\\d+ 件）</h3>", page);
        Assert.Matches("<h3 class=\"h6 booklet-muni\">米子市（\\d+ 件）</h3>", page);
        Assert.Contains(DirectoryExportFixture.ClinicName, page, StringComparison.Ordinal);

        // The search page offers every output with its query string.
        var search = await staff.GetPageAsync($"/directory?{Search}");
        foreach (var link in new[] { "/directory/export/csv?Pref=31", "/directory/export/csv?encoding=sjis&amp;Pref=31", "/directory/export/xlsx?Pref=31", "/directory/export/hsds?Pref=31", "/directory/booklet?Pref=31" })
            Assert.Contains($"href=\"{link}", search, StringComparison.Ordinal);
    }
}
