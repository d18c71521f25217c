using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Tests.Support;
using Renkei.Web.Features.Directory;
using Renkei.Web.Features.Indicators;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Text;
using Renkei.Web.Platform.Time;

namespace Renkei.Tests.Indicators;

/// <summary>Indicators through the real app: catalogue, live counts, entry, import, targets, tenant isolation.</summary>
public sealed class IndicatorTests : IAsyncLifetime
{
    private const string Iwami = "313025"; // 岩美町: 鳥取市's 二次医療圏 (東部)
    private readonly TestDatabase _database = new();
    private RenkeiFactory _factory = null!;
    private int _year;

    public async Task InitializeAsync()
    {
        _factory = new RenkeiFactory(_database);
        Assert.NotNull(_factory.Server);
        await TestWorld.SeedAsync(_factory);
        _year = FiscalYear.Current(TimeProvider.System).StartYear;
        var (s, db) = _factory.SystemDb();
        await using var _ = s;
        // Clinics with and without 在宅療養支援診療所 in 鳥取市 and 米子市, one no longer listed.
        Provider Clinic(string name, string muni, bool listed, params string[] functions) => new()
        {
            Kind = ProviderKind.Clinic, Name = name, PrefectureCode = "31", MunicipalityCode = muni, Listed = listed,
            Functions = [.. functions.Select(f => new ProviderFunction { Code = f, Source = DataSource.Kouseikyoku })],
        };
        db.Providers.AddRange(
            Clinic("A診療所", TestWorld.Tottori, true, "home-support-clinic", "home-visit"),
            Clinic("B診療所", TestWorld.Tottori, true, "home-support-clinic"),
            Clinic("C診療所", TestWorld.Tottori, true),
            Clinic("D診療所", TestWorld.Tottori, false, "home-support-clinic"),
            Clinic("E診療所", TestWorld.Yonago, true, "home-support-clinic"),
            Clinic("F診療所", Iwami, true, "home-support-clinic"));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _database.Dispose();
    }

    private async Task<(int Id, DataElement Numerator)> IndicatorAsync(string code)
    {
        var (s, db) = _factory.SystemDb();
        await using var _ = s;
        var i = await db.Indicators.SingleAsync(x => x.Code == code);
        return (i.Id, await db.DataElements.SingleAsync(e => e.Id == i.NumeratorId));
    }

    private static async Task<JsonElement> IndicatorJsonAsync(WebSession session, string muni, string code)
    {
        var json = JsonDocument.Parse(await session.GetPageAsync($"/api/indicators?muni={muni}")).RootElement;
        return json.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task The_catalogue_holds_every_row_of_the_shipped_files_and_reloading_keeps_values()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "ReferenceData");
        var indicatorRows = CsvText.ReadFile(Path.Combine(dir, "indicators.csv")).Count() - 1;
        var elementRows = CsvText.ReadFile(Path.Combine(dir, "data-elements.csv")).Count() - 1;
        var (s, db) = _factory.SystemDb();
        await using (s)
        {
            Assert.Equal(indicatorRows, await db.Indicators.CountAsync(i => i.MunicipalityCode == null));
            Assert.Equal(elementRows, await db.DataElements.CountAsync(e => e.MunicipalityCode == null));
            foreach (var type in Enum.GetValues<IndicatorType>()) Assert.True(await db.Indicators.AnyAsync(i => i.Type == type));
            var element = await db.DataElements.SingleAsync(e => e.Code == "muni.training");
            db.DataValues.Add(new DataValue { MunicipalityCode = TestWorld.Tottori, DataElementId = element.Id, FiscalYear = _year - 1, Value = 5, Origin = ValueOrigin.Manual });
            await db.SaveChangesAsync();
            await s.ServiceProvider.GetRequiredService<IndicatorCatalogLoader>().LoadAsync(dir);
        }
        (s, db) = _factory.SystemDb();
        await using (s)
        {
            Assert.Equal(indicatorRows, await db.Indicators.CountAsync());
            Assert.Equal(5m, (await db.DataValues.SingleAsync()).Value);
        }
    }

    [Fact]
    public async Task A_computed_count_equals_the_directory_and_follows_it_when_a_provider_gains_the_function()
    {
        var (id, _) = await IndicatorAsync("s.home-support-clinic.per75");
        int expectedCount, pop75;
        var (s, db) = _factory.SystemDb();
        await using (s)
        {
            expectedCount = await db.Providers.CountAsync(p => p.MunicipalityCode == TestWorld.Tottori && p.Listed && p.Functions.Any(f => f.Code == "home-support-clinic"));
            pop75 = (await db.Municipalities.SingleAsync(m => m.Code == TestWorld.Tottori)).Population75Plus!.Value;
        }
        Assert.Equal(2, expectedCount);
        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        var item = await IndicatorJsonAsync(staff, TestWorld.Tottori, "s.home-support-clinic.per75");
        Assert.Equal(expectedCount, item.GetProperty("numerator").GetDecimal());
        Assert.Equal(pop75, item.GetProperty("denominator").GetDecimal());
        Assert.Equal(expectedCount * 10000m / pop75, item.GetProperty("value").GetDecimal(), 6);
        Assert.Contains("資源名簿", item.GetProperty("provenance").GetString());
        Assert.Contains("住民基本台帳人口 2025年1月1日", item.GetProperty("provenance").GetString());

        (s, db) = _factory.SystemDb();
        await using (s)
        {
            var c = await db.Providers.Include(p => p.Functions).SingleAsync(p => p.Name == "C診療所");
            c.Functions.Add(new ProviderFunction { Code = "home-support-clinic", Source = DataSource.Manual });
            await db.SaveChangesAsync();
        }
        item = await IndicatorJsonAsync(staff, TestWorld.Tottori, "s.home-support-clinic");
        Assert.Equal(3m, item.GetProperty("value").GetDecimal());
        var page = await staff.GetPageAsync($"/indicators/{id}?muni={TestWorld.Tottori}");
        Assert.Contains("資源名簿（", page);
    }

    [Fact]
    public async Task A_directory_kind_never_imported_is_missing_not_zero()
    {
        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        var item = await IndicatorJsonAsync(staff, TestWorld.Tottori, "s.care-management");
        Assert.Equal("missing", item.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("value").ValueKind);
        var (id, _) = await IndicatorAsync("s.care-management.per75");
        var page = await staff.GetPageAsync($"/indicators/{id}?muni={TestWorld.Tottori}");
        Assert.Contains("未入力", page);
        Assert.Contains("未取込", page);
        Assert.DoesNotContain("data-testid=\"value\">0 ", page);
    }

    [Fact]
    public async Task Entered_values_and_a_target_show_against_each_other_and_missing_years_say_so()
    {
        var (id, _) = await IndicatorAsync("p.admission-info-rate");
        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        var grid = $"/indicators/values?muni={TestWorld.Tottori}&year={_year - 1}";
        var html = await staff.GetPageAsync(grid);
        var fields = WebSession.HiddenFields(html);
        var numeratorId = (await IndicatorAsync("p.admission-info-rate")).Numerator.Id.ToString();
        var index = fields.Single(f => f.Key.EndsWith(".ElementId", StringComparison.Ordinal) && f.Value == numeratorId).Key.Split('.')[0];
        var (sys, db) = _factory.SystemDb();
        int totalId;
        await using (sys) totalId = (await db.DataElements.SingleAsync(e => e.Code == "link.admission-total")).Id;
        var totalIndex = fields.Single(f => f.Key.EndsWith(".ElementId", StringComparison.Ordinal) && f.Value == totalId.ToString()).Key.Split('.')[0];
        fields[$"{index}.Value"] = "80";
        fields[$"{totalIndex}.Value"] = "100";
        fields[$"{totalIndex}.Note"] = "ケアマネ調査";
        var saved = await staff.PostAsync(grid, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var detail = $"/indicators/{id}?muni={TestWorld.Tottori}";
        var target = await staff.PostFormAsync(detail + "&handler=Target", new() { ["TargetYear"] = (_year - 1).ToString(), ["TargetValue"] = "85" }, await staff.GetPageAsync(detail));
        Assert.Equal(HttpStatusCode.Redirect, target.StatusCode);

        var page = await staff.GetPageAsync(detail);
        var row = Row(page, _year - 1);
        Assert.Contains("data-testid=\"value\">80 ", row);
        Assert.Contains("data-testid=\"target\">85 ", row);
        Assert.Contains("未達成", row);
        Assert.Contains("<svg", page);
        // Another year has neither value nor target: shown as 未入力, never 0.
        var empty = Row(page, _year - 2);
        Assert.Contains("未入力", empty);
        Assert.DoesNotContain(">0 ", empty);

        // A zero denominator is reported as such.
        fields = WebSession.HiddenFields(await staff.GetPageAsync(grid));
        // The grid posts every cell: the numerator stays, the denominator becomes 0.
        fields[$"{index}.Value"] = "80";
        fields[$"{totalIndex}.Value"] = "0";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync(grid, fields)).StatusCode);
        Assert.Contains("計算不可（分母が0）", Row(await staff.GetPageAsync(detail), _year - 1));
    }

    [Fact]
    public async Task A_stale_grid_saves_nothing()
    {
        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        var grid = $"/indicators/values?muni={TestWorld.Tottori}&year={_year - 1}";
        var first = WebSession.HiddenFields(await staff.GetPageAsync(grid));
        var second = WebSession.HiddenFields(await staff.GetPageAsync(grid));
        first["Rows[0].Value"] = "10";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync(grid, first)).StatusCode);
        second["Rows[0].Value"] = "20";
        var stale = await staff.PostAsync(grid, second);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("他の人がこのデータを更新しています", await stale.Content.ReadAsStringAsync());
        var (s, db) = _factory.SystemDb();
        await using (s) Assert.Equal(10m, (await db.DataValues.SingleAsync()).Value);
    }

    private static string Row(string page, int year)
    {
        var start = page.IndexOf($"<tr data-year=\"{year}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {year}");
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private static Task<(HttpResponseMessage Response, string Html)> UploadAsync(WebSession session, string content, string name = "values.csv") =>
        UploadAsync(session, Encoding.UTF8.GetBytes(content), name);

    private static async Task<(HttpResponseMessage Response, string Html)> UploadAsync(WebSession session, byte[] content, string name)
    {
        var url = $"/indicators/import?muni={TestWorld.Tottori}";
        var hidden = WebSession.HiddenFields(await session.GetPageAsync(url));
        using var form = new MultipartFormDataContent();
        foreach (var (k, v) in hidden) form.Add(new StringContent(v), k);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", name);
        var response = await session.Client.PostAsync(url, form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_import_with_bad_rows_names_each_line_and_reason_and_applies_nothing()
    {
        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        var csv = string.Join("\n",
            "団体コード,年度,項目コード,値,備考",
            $"{TestWorld.Tottori},{_year - 1},muni.training,4,研修記録",          // 2 good
            $"999999,{_year - 1},muni.training,4,",                               // 3 unknown municipality
            $"{TestWorld.Yonago},{_year - 1},muni.training,4,",                   // 4 not writable
            $"{TestWorld.Tottori},{_year - 1},no.such.code,4,",                   // 5 unknown element
            $"{TestWorld.Tottori},{_year - 1},muni.awareness,たくさん,",          // 6 not a number
            $"{TestWorld.Tottori},{_year - 1},muni.training,5,",                  // 7 duplicate of line 2
            $"{TestWorld.Tottori},1990,muni.awareness,3,",                        // 8 year out of range
            $"{TestWorld.Tottori},{_year - 1},pop.75plus,30000,");                // 9 computed element
        var (response, html) = await UploadAsync(staff, csv);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("団体コード「999999」は存在しません", html);
        Assert.Contains("米子市（312029）の値を登録する権限がありません", html);
        Assert.Contains("項目コード「no.such.code」は登録されていません", html);
        Assert.Contains("値「たくさん」が数値ではありません", html);
        Assert.Contains("2行目と同じ団体・年度・項目の行です", html);
        Assert.Contains("年度「1990」は範囲外です", html);
        Assert.Contains("Renkei が計算する項目のため取り込めません", html);
        foreach (var line in new[] { 3, 4, 5, 6, 7, 8, 9 }) Assert.Contains($"<tr><td>{line}</td>", html);
        Assert.DoesNotContain("name=\"Payload\"", html); // no apply button

        // Even forcing the apply step with the same rows stores nothing.
        var forced = await staff.PostAsync($"/indicators/import?muni={TestWorld.Tottori}&handler=Apply",
            WebSession.HiddenFields(await staff.GetPageAsync($"/indicators/import?muni={TestWorld.Tottori}"), new() { ["Payload"] = ValueImport.ToPayload(ValueImport.Read(Write(csv), "x.csv")) }));
        Assert.Contains("何も取り込んでいません", await forced.Content.ReadAsStringAsync());
        var (s, db) = _factory.SystemDb();
        await using (s) Assert.Equal(0, await db.DataValues.CountAsync());

        // A wrong header is a whole-file error.
        var (_, bad) = await UploadAsync(staff, "code,year,value\n312011,2024,3");
        Assert.Contains("見出し", bad);
    }

    [Fact]
    public async Task A_file_in_Shift_JIS_an_empty_file_or_a_broken_workbook_is_refused_whole_and_changes_nothing()
    {
        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        var csv = $"団体コード,年度,項目コード,値,備考\n{TestWorld.Tottori},{_year - 1},muni.training,4,研修記録\n";
        var (_, shiftJis) = await UploadAsync(staff, CodePagesEncoding.ShiftJis.GetBytes(csv), "values.csv");
        var (_, empty) = await UploadAsync(staff, [], "values.csv");
        var (_, broken) = await UploadAsync(staff, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "values.xlsx");
        foreach (var html in new[] { shiftJis, empty, broken }) Assert.DoesNotContain("name=\"Payload\"", html); // nothing to apply
        Assert.Contains("values.csv: UTF-8 として読めません", System.Net.WebUtility.HtmlDecode(shiftJis));
        Assert.Contains("取り込むファイル（CSV または Excel）を選んでください。", System.Net.WebUtility.HtmlDecode(empty));
        Assert.Contains("values.xlsx: xlsx として読めません。ファイルが壊れているか、途中で切れています", System.Net.WebUtility.HtmlDecode(broken));
        var (s, db) = _factory.SystemDb();
        await using (s) Assert.Equal(0, await db.DataValues.CountAsync());
    }

    [Fact]
    public async Task A_clean_import_previews_then_applies_every_row()
    {
        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        var csv = $"団体コード,年度,項目コード,値,備考\n{TestWorld.Tottori},令和{_year - 2018 - 1}年度,muni.training,4,研修記録\n{TestWorld.Tottori},{_year - 1},muni.awareness,\"1,200\",\n";
        var (_, html) = await UploadAsync(staff, csv);
        var (s, db) = _factory.SystemDb();
        await using (s) Assert.Equal(0, await db.DataValues.CountAsync()); // preview writes nothing
        var apply = await staff.PostAsync($"/indicators/import?muni={TestWorld.Tottori}&handler=Apply", WebSession.HiddenFields(html));
        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        (s, db) = _factory.SystemDb();
        await using (s)
        {
            var values = await db.DataValues.OrderBy(v => v.Value).ToListAsync();
            Assert.Equal([4m, 1200m], values.Select(v => v.Value));
            Assert.All(values, v => Assert.Equal(ValueOrigin.Import, v.Origin));
            Assert.All(values, v => Assert.Equal(_year - 1, v.FiscalYear));
        }
        var template = await staff.GetAsync($"/indicators/import/template.csv?muni={TestWorld.Tottori}");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.StartsWith("\uFEFF団体コード,年度,項目コード,値,備考", Encoding.UTF8.GetString(await template.Content.ReadAsByteArrayAsync()));
    }

    private static string Write(string content)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Other_municipalities_cannot_read_or_write_tottoris_figures()
    {
        var (id, numerator) = await IndicatorAsync("p.training");
        var (s, db) = _factory.SystemDb();
        await using (s)
        {
            db.DataValues.Add(new DataValue { MunicipalityCode = TestWorld.Tottori, DataElementId = numerator.Id, FiscalYear = _year, Value = 7, Origin = ValueOrigin.Manual });
            db.DataValues.Add(new DataValue { MunicipalityCode = Iwami, DataElementId = numerator.Id, FiscalYear = _year, Value = 3, Origin = ValueOrigin.Manual });
            db.IndicatorTargets.Add(new IndicatorTarget { MunicipalityCode = TestWorld.Tottori, IndicatorId = id, FiscalYear = _year, Value = 9 });
            await db.SaveChangesAsync();
        }
        using var yonago = await WebSession.SignInAsync(_factory, "yonago-staff");
        var t = TestWorld.Tottori;
        foreach (var url in new[] { $"/api/indicators?muni={t}", $"/api/indicators/{id}/series?muni={t}", $"/api/indicators/{id}/comparison?muni={t}",
                     $"/indicators/{id}/export.csv?muni={t}", $"/indicators/{id}/compare/export.xlsx?muni={t}", $"/indicators/values?muni={t}",
                     $"/indicators/import/template.csv?muni={t}", $"/indicators/new?muni={t}", $"/indicators/elements/new?muni={t}" })
            Assert.Equal(HttpStatusCode.Forbidden, (await yonago.GetAsync(url)).StatusCode);
        // Pages fall back to the caller's own municipality and never show 鳥取市's figures.
        var page = await yonago.GetPageAsync($"/indicators/{id}?muni={t}");
        Assert.Contains("米子市", page);
        Assert.DoesNotContain(">7 ", page);
        Assert.DoesNotContain(">9 ", page);
        // Writes aimed at 鳥取市 are refused and change nothing.
        var detail = $"/indicators/{id}?muni={t}&handler=Target";
        var post = await yonago.PostAsync(detail, WebSession.HiddenFields(await yonago.GetPageAsync($"/indicators/{id}"), new() { ["TargetYear"] = _year.ToString(), ["TargetValue"] = "1" }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var grid = await yonago.PostAsync($"/indicators/values?muni={t}&year={_year}", new() { ["Rows[0].ElementId"] = numerator.Id.ToString(), ["Rows[0].Value"] = "1" });
        Assert.NotEqual(HttpStatusCode.Redirect, grid.StatusCode);
        var snapshot = await yonago.PostAsync($"/indicators?muni={t}&handler=Snapshot", WebSession.HiddenFields(await yonago.GetPageAsync("/indicators")));
        Assert.Equal(HttpStatusCode.Forbidden, snapshot.StatusCode);
        (s, db) = _factory.SystemDb();
        await using (s)
        {
            Assert.Equal(9m, (await db.IndicatorTargets.SingleAsync()).Value);
            Assert.Equal(7m, (await db.DataValues.SingleAsync(v => v.MunicipalityCode == t)).Value);
            Assert.Equal(0, await db.DataValues.CountAsync(v => v.Origin == ValueOrigin.Snapshot));
        }

        // A clinic's doctor has no municipality scope: no program figures at all.
        using var doctor = await WebSession.SignInAsync(_factory, "doctor");
        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.GetAsync($"/api/indicators?muni={t}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.GetAsync($"/indicators?muni={t}")).StatusCode);
        // The health centre covering 鳥取市 reads but does not write.
        using var hc = await WebSession.SignInAsync(_factory, "hc-staff");
        Assert.Equal(7m, (await IndicatorJsonAsync(hc, t, "p.training")).GetProperty("value").GetDecimal());
        Assert.Equal(HttpStatusCode.Forbidden, (await hc.GetAsync($"/indicators/values?muni={t}")).StatusCode);

        // Comparison: 鳥取市 sees 岩美町's computed counts but not its entered values.
        using var tottori = await WebSession.SignInAsync(_factory, "tottori-staff");
        var rows = JsonDocument.Parse(await tottori.GetPageAsync($"/api/indicators/{id}/comparison?muni={t}")).RootElement.EnumerateArray().ToList();
        var iwami = rows.Single(r => r.GetProperty("code").GetString() == Iwami);
        Assert.True(iwami.GetProperty("hidden").GetBoolean());
        Assert.Equal(JsonValueKind.Null, iwami.GetProperty("value").ValueKind);
        Assert.DoesNotContain(rows, r => r.GetProperty("code").GetString() == TestWorld.Yonago); // other 二次医療圏
        Assert.Contains("非公開", await tottori.GetPageAsync($"/indicators/{id}/compare?muni={t}"));
        var (computedId, _) = await IndicatorAsync("s.home-support-clinic");
        var computed = JsonDocument.Parse(await tottori.GetPageAsync($"/api/indicators/{computedId}/comparison?muni={t}")).RootElement.EnumerateArray().ToList();
        Assert.Equal(1m, computed.Single(r => r.GetProperty("code").GetString() == Iwami).GetProperty("value").GetDecimal());
        Assert.Equal(4m, computed.Single(r => r.GetProperty("prefecture").GetBoolean()).GetProperty("value").GetDecimal());
        // The prefecture reads both.
        using var pref = await WebSession.SignInAsync(_factory, "pref-staff");
        var prefRows = JsonDocument.Parse(await pref.GetPageAsync($"/api/indicators/{id}/comparison?muni={t}")).RootElement.EnumerateArray().ToList();
        Assert.Equal(3m, prefRows.Single(r => r.GetProperty("code").GetString() == Iwami).GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Recording_the_year_keeps_the_counts_with_their_provenance()
    {
        using var staff = await WebSession.SignInAsync(_factory, "tottori-staff");
        var index = $"/indicators?muni={TestWorld.Tottori}";
        var post = await staff.PostAsync(index + "&handler=Snapshot", WebSession.HiddenFields(await staff.GetPageAsync(index)));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var (s, db) = _factory.SystemDb();
        await using (s)
        {
            var clinics = await db.DataValues.SingleAsync(v => v.DataElementId == db.DataElements.Single(e => e.Code == "dir.home-support-clinic").Id);
            Assert.Equal(2m, clinics.Value);
            Assert.Equal(ValueOrigin.Snapshot, clinics.Origin);
            Assert.Contains("資源名簿", clinics.Note);
            // Missing stays missing: no row for a kind the directory never held.
            Assert.False(await db.DataValues.AnyAsync(v => v.DataElementId == db.DataElements.Single(e => e.Code == "dir.care-management").Id));
        }
    }
}
