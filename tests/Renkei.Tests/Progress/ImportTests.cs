using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Renkei.Tests.Support;
using Renkei.Web.Features.Program;
using Renkei.Web.Features.Progress;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Text;
using static Renkei.Tests.Progress.RoundKit;

namespace Renkei.Tests.Progress;

/// <summary>The prefecture's xlsx template and import: applied whole, or refused row by row and not at all.</summary>
[Collection(AppCollection.Name)]
public sealed class ImportTests(AppFixture app)
{
    private static string?[] Row(string code, params (string Header, string Value)[] cells)
    {
        var header = RoundSheet.Header;
        var row = new string?[header.Count];
        row[0] = code;
        foreach (var (h, v) in cells) row[header.ToList().IndexOf(h)] = v;
        return row;
    }

    private static (string, string)[] AllRunning(params (string, string)[] more) =>
        [.. ProgramItems.All.Select(i => (i.Label() + "状況", "実施中")), ("（イ）段階", "2"), .. more];

    private static Task<byte[]> XlsxAsync(params string?[][] rows) =>
        XlsxTable.ToBytesAsync(CancellationToken.None, XlsxTable.Of(RoundSheet.AnswerSheet, RoundSheet.Header, rows));

    private static async Task<string> UploadAsync(WebSession session, int roundId, byte[] bytes, string fileName = "回答.xlsx")
    {
        var url = $"/progress/{roundId}/import";
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in WebSession.HiddenFields(await session.GetPageAsync(url))) content.Add(new StringContent(v), k);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "Upload", fileName);
        var response = await session.Client.PostAsync(url, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Raw HTML: the apply form's hidden payload is read from it as the browser would.
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_template_lists_every_municipality_and_a_filled_file_is_applied_as_entered_by_the_prefecture()
    {
        var id = await SeedRoundAsync(app.Factory, "取込テスト 正常");
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        var template = await pref.GetAsync($"/progress/{id}/import?handler=template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        using var stream = new MemoryStream(await template.Content.ReadAsByteArrayAsync());
        Assert.Equal([RoundSheet.AnswerSheet, "記入方法"], MiniExcel.GetSheetNames(stream));
        stream.Position = 0;
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: RoundSheet.AnswerSheet, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(19, rows.Count);
        Assert.Equal(RoundSheet.Header, rows[0].Keys.ToList());
        Assert.Contains(rows, r => (string?)r["団体コード"] == TestWorld.Yonago && (string?)r["市区町村名"] == "米子市");

        var file = await XlsxAsync(
            Row(TestWorld.Tottori, AllRunning(("（カ）多職種のグループワーク等", "あり"), ("（カ）介護関係者向けの医療の研修", "○"), ("（オ）委託先", "東部医師会"), ("（ク）県・保健所の支援", "あり"))),
            Row(TestWorld.Yonago, ("（ア）状況", "実施している"), ("（ウ）状況", "年度内実施予定"), ("（ウ）予定時期", "令和9年1月15日"), ("備考", "取込で入力")),
            Row("313025"));
        var preview = await UploadAsync(pref, id, file);
        Assert.Contains("（3 行、うち取り込めない行 0 行）", preview, StringComparison.Ordinal);
        Assert.Contains("（ア）未回答→実施中", preview, StringComparison.Ordinal);
        Assert.Contains("空欄のため変更しません", preview, StringComparison.Ordinal);
        var apply = await pref.PostAsync($"/progress/{id}/import?handler=Apply", WebSession.HiddenFields(preview));
        Assert.Equal($"/progress/{id}", apply.Headers.Location!.OriginalString);

        var tottori = await ResponseAsync(app.Factory, id, TestWorld.Tottori);
        Assert.True(tottori!.EnteredByPrefecture);
        Assert.NotNull(tottori.SubmittedAtUtc);
        Assert.Equal(PdcaStage.Stage2, tottori.Items.Single(i => i.Item == ProgramItem.I).Stage);
        Assert.Equal(TrainingKinds.GroupWork | TrainingKinds.MedicalForCare, tottori.Items.Single(i => i.Item == ProgramItem.Ka).Training);
        Assert.Equal((true, "東部医師会"), (tottori.Items.Single(i => i.Item == ProgramItem.O).Commissioned, tottori.Items.Single(i => i.Item == ProgramItem.O).CommissionedTo));
        Assert.True(tottori.Items.Single(i => i.Item == ProgramItem.Ku).PrefectureSupported);
        var yonago = await ResponseAsync(app.Factory, id, TestWorld.Yonago);
        Assert.Null(yonago!.SubmittedAtUtc);
        Assert.Equal(("取込で入力", ItemStatus.PlannedThisYear, new DateOnly(2027, 1, 15)),
            (yonago.Notes, yonago.Items.Single(i => i.Item == ProgramItem.U).Status, yonago.Items.Single(i => i.Item == ProgramItem.U).PlannedOn));
        Assert.Null(await ResponseAsync(app.Factory, id, "313025"));

        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(ProgressResponse) && e.EntityKey == yonago.Id.ToString() && e.MunicipalityCode == TestWorld.Yonago && e.UserName == "pref-staff"));

        // The next template carries the stored answers, so the prefecture edits and uploads it again.
        var again = await pref.GetAsync($"/progress/{id}/import?handler=template");
        using var second = new MemoryStream(await again.Content.ReadAsByteArrayAsync());
        var tottoriRow = MiniExcel.Query(second, useHeaderRow: true, sheetName: RoundSheet.AnswerSheet, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
            .Single(r => (string?)r["団体コード"] == TestWorld.Tottori);
        Assert.Equal(("実施中", "2", "あり", "東部医師会"), ((string?)tottoriRow["（イ）状況"], (string?)tottoriRow["（イ）段階"], (string?)tottoriRow["（カ）介護関係者向けの医療の研修"], (string?)tottoriRow["（オ）委託先"]));
        var unchanged = await UploadAsync(pref, id, (await again.Content.ReadAsByteArrayAsync()));
        Assert.Contains("変更する回答はありません。", unchanged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_rows_are_each_refused_with_their_row_and_reason_and_nothing_is_applied()
    {
        var id = await SeedRoundAsync(app.Factory, "取込テスト 不正な行");
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        var unknown = LocalGovernmentCode.WithCheckDigit("31999");
        var rows = new[]
        {
            Row(TestWorld.Tottori, AllRunning()),                       // row 2: fine on its own
            Row(unknown, ("（ア）状況", "実施中")),                      // row 3
            Row(TestWorld.Matsue, ("（ア）状況", "実施中")),             // row 4
            Row(TestWorld.Tottori, ("（ア）状況", "未実施")),            // row 5
            Row(TestWorld.Yonago, ("（ア）状況", "実施済み")),           // row 6
            Row("312012", ("（ア）状況", "実施中")),                     // row 7
            Row("313025", ("（イ）状況", "実施中"), ("（イ）段階", "4")), // row 8
            Row("313254", ("（ウ）状況", "年度内実施予定"), ("（ウ）予定時期", "来年")), // row 9
        };
        var preview = await UploadAsync(pref, id, await XlsxAsync(rows));
        Assert.Contains("（8 行、うち取り込めない行 7 行）", preview, StringComparison.Ordinal);
        Assert.Contains("何も変更していません", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Apply", preview, StringComparison.OrdinalIgnoreCase);
        AssertRefused(preview, 3, $"団体コード「{unknown}」の市区町村はありません。");
        AssertRefused(preview, 4, "松江市（322016）は島根県の市区町村です（この調査回は鳥取県）。");
        AssertRefused(preview, 5, "2行目と同じ市区町村（鳥取市）の行です");
        AssertRefused(preview, 6, "（ア）状況「実施済み」が読めません（実施中・年度内実施予定・未実施 のいずれかで書いてください）。");
        AssertRefused(preview, 7, "団体コード「312012」の検査数字が正しくありません（正しくは 312011）。");
        AssertRefused(preview, 8, "（イ）段階「4」は 1・2・3 のいずれかで書いてください。");
        AssertRefused(preview, 9, "（ウ）予定時期「来年」が日付として読めません");

        // Posting the rows to the apply step anyway (a crafted request) stores nothing either.
        var raw = rows.Select((r, i) => new RawRow(i + 2, [.. r.Select(c => c ?? "")]));
        var hidden = WebSession.HiddenFields(await pref.GetPageAsync($"/progress/{id}/import"));
        hidden["Payload"] = RoundFile.ToPayload(raw);
        hidden["Seen"] = $"{TestWorld.Tottori}:-1";
        var forced = await TextAsync(await pref.PostAsync($"/progress/{id}/import?handler=Apply", hidden));
        Assert.Contains("取り込めない行があるため、何も取り込んでいません。", forced, StringComparison.Ordinal);
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.Equal(0, await db.ProgressResponses.CountAsync(r => r.RoundId == id));
    }

    [Fact]
    public async Task A_file_that_is_not_a_readable_template_is_refused_whole_with_a_japanese_reason()
    {
        var id = await SeedRoundAsync(app.Factory, "取込テスト 壊れたファイル");
        using var pref = await WebSession.SignInAsync(app.Factory, "pref-staff");
        var good = await XlsxAsync(Row(TestWorld.Tottori, AllRunning()));
        var otherHeader = await XlsxTable.ToBytesAsync(CancellationToken.None, XlsxTable.Of("回答", ["コード", "状況"], [["312011", "実施中"]]));
        var cases = new (byte[] Bytes, string Reason)[]
        {
            ("これは Excel ではありません"u8.ToArray(), "Excel ブック（.xlsx）ではありません"),
            (good[..(good.Length / 2)], "xlsx として読めません"),
            (otherHeader, "1列目の見出しが「コード」です（「団体コード」のはずです）"),
            (new byte[RoundFile.MaxFileBytes + 1], "ファイルが大きすぎます（2 MB まで）"),
        };
        foreach (var (bytes, reason) in cases)
        {
            var page = await UploadAsync(pref, id, bytes);
            Assert.Contains(reason, page, StringComparison.Ordinal);
            Assert.Contains("（何も取り込んでいません）", page, StringComparison.Ordinal);
        }
        var (scope, db) = app.Factory.SystemDb();
        await using var _ = scope;
        Assert.Equal(0, await db.ProgressResponses.CountAsync(r => r.RoundId == id));
    }

    private static void AssertRefused(string html, int line, string reason)
    {
        var table = html[html.IndexOf("data-testid=\"rejected\"", StringComparison.Ordinal)..];
        var row = table[table.IndexOf($"<tr><td>{line}</td>", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains(reason, row, StringComparison.Ordinal);
    }
}
