using System.Net;
using MiniExcelLibs;
using Renkei.Tests.Support;
using Renkei.Web.Features.Pdca;
using static Renkei.Tests.Pdca.PdcaKit;

namespace Renkei.Tests.Pdca;

[Collection(AppCollection.Name)]
public sealed class IssueRegisterTests(AppFixture app)
{
    [Fact]
    public async Task Filters_narrow_the_register_and_the_downloads_hold_the_same_rows()
    {
        await SeedIssueAsync(app.Factory, "絞込：急変時の課題", Scenes.Emergency | Scenes.DailyCare);
        await SeedIssueAsync(app.Factory, "絞込：看取りの課題", Scenes.EndOfLife);
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var query = $"muni={TestWorld.Tottori}&Filter.Scene=Emergency&Filter.Q=絞込";
        var page = await TextAsync(await staff.GetAsync("/pdca/issues?" + query));
        Assert.Contains("絞込：急変時の課題", page, StringComparison.Ordinal);
        Assert.DoesNotContain("絞込：看取りの課題", page, StringComparison.Ordinal);
        Assert.Contains("全 1 件中", page, StringComparison.Ordinal);
        var all = await TextAsync(await staff.GetAsync($"/pdca/issues?muni={TestWorld.Tottori}&Filter.Q=絞込"));
        Assert.Contains("絞込：看取りの課題", all, StringComparison.Ordinal);

        var csvResponse = await staff.GetAsync("/pdca/issues?handler=csv&" + query);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]); // BOM: Excel on Japanese Windows reads UTF-8 correctly
        var lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', IssuesModel.Header), lines[0]);
        Assert.Single(lines.Skip(1));
        Assert.Contains("絞込：急変時の課題", lines[1], StringComparison.Ordinal);
        Assert.Contains("日常の療養支援・急変時の対応", lines[1], StringComparison.Ordinal);

        var xlsxResponse = await staff.GetAsync("/pdca/issues?handler=xlsx&" + query);
        Assert.Matches(@"^課題一覧_鳥取市_\d{8}\.xlsx$", xlsxResponse.Content.Headers.ContentDisposition!.FileNameStar);
        using var xlsx = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: IssuesModel.ExportName, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["絞込：急変時の課題"], rows.Select(r => r["課題"]?.ToString()));
    }

    [Fact]
    public async Task The_printable_list_holds_every_match_without_pages()
    {
        for (var i = 0; i < 52; i++) await SeedIssueAsync(app.Factory, $"印刷：課題{i:00}");
        using var staff = await WebSession.SignInAsync(app.Factory, "tottori-staff");
        var paged = await TextAsync(await staff.GetAsync($"/pdca/issues?muni={TestWorld.Tottori}&Filter.Q=印刷&Filter.Sort=status"));
        Assert.Contains("全 52 件中 1–50 件を表示", paged, StringComparison.Ordinal);
        var print = await TextAsync(await staff.GetAsync($"/pdca/issues?muni={TestWorld.Tottori}&Filter.Q=印刷&print=true"));
        Assert.Equal(52, System.Text.RegularExpressions.Regex.Matches(print, "印刷：課題").Count);
        Assert.Contains("data-print", print, StringComparison.Ordinal);
    }
}
