using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Renkei.Web.Features.Directory.Import;
using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Progress;

/// <summary>A row of the uploaded template as read (line = its row number in Excel), before checking.</summary>
public sealed record RawRow(int Line, IReadOnlyList<string> Cells)
{
    public string At(int column) => column < Cells.Count ? Cells[column] : "";
}

/// <summary>
/// Reads an uploaded answer template. The file is checked like every xlsx Renkei opens (<see cref="SafeXlsx"/>: type,
/// size, zip bomb) before MiniExcel reads it; a file that cannot be read at all is refused whole with a Japanese reason.
/// </summary>
public static class RoundFile
{
    /// <summary>A prefecture's template is tens of kilobytes; anything near this is not one.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;
    public const int MaxRows = 2000;

    public static List<RawRow> Read(string path, string displayName)
    {
        if (new FileInfo(path).Length > MaxFileBytes) throw new ImportFileException($"{displayName}: ファイルが大きすぎます（{MaxFileBytes / 1024 / 1024} MB まで）。");
        SafeXlsx.Check(path, displayName);
        List<RawRow> rows;
        try
        {
            var sheets = MiniExcel.GetSheetNames(path);
            var sheet = sheets.Contains(RoundSheet.AnswerSheet) ? RoundSheet.AnswerSheet : sheets.FirstOrDefault();
            rows = [.. MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
                .Select((r, i) => new RawRow(i + 1, [.. r.Values.Select(SheetCells.Text)]))
                .Take(MaxRows + 2)];
        }
        catch (Exception e) when (e is not ImportFileException and not OperationCanceledException)
        {
            throw new ImportFileException($"{displayName}: xlsx として読めません。ファイルが壊れているか、Excel ブックの形式ではありません。");
        }
        rows = [.. rows.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c)))];
        if (rows.Count == 0) throw new ImportFileException($"{displayName}: シートが空です。");
        var expected = RoundSheet.Header;
        var header = rows[0].Cells.Select(c => c.Trim()).ToList();
        for (var c = 0; c < expected.Count; c++)
        {
            var found = c < header.Count ? header[c] : "";
            if (found != expected[c])
                throw new ImportFileException($"{displayName}: {c + 1}列目の見出しが「{found}」です（「{expected[c]}」のはずです）。この調査回のひな形をダウンロードして使ってください。");
        }
        if (rows.Count - 1 > MaxRows) throw new ImportFileException($"{displayName}: 行が多すぎます（{MaxRows} 行まで）。");
        return rows[1..];
    }

    /// <summary>The rows as CSV text, carried by the preview form to the apply step (which checks them again).</summary>
    public static string ToPayload(IEnumerable<RawRow> rows)
    {
        var sb = new StringBuilder();
        foreach (var r in rows)
            sb.Append(string.Join(',', r.Cells.Prepend(r.Line.ToString(CultureInfo.InvariantCulture)).Select(Quote))).Append('\n');
        return sb.ToString();
    }

    public static List<RawRow> FromPayload(string payload) =>
        [.. CsvText.Parse(payload).Where(r => r.Fields.Count > 1 && int.TryParse(r.Fields[0], CultureInfo.InvariantCulture, out _))
            .Select(r => new RawRow(int.Parse(r.Fields[0], CultureInfo.InvariantCulture), [.. r.Fields.Skip(1)]))];

    // Not CsvWriter.Field: that one defuses formulas for spreadsheets, which would change the text this step re-reads.
    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
