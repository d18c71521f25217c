using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// What the small spreadsheet importers (indicator values, progress answers) share: a workbook's sheet read as text
/// cells after the <see cref="SafeXlsx"/> checks, and the rows carried by the preview form to the apply step (which
/// checks them again). The directory's large files have their own streaming readers.
/// </summary>
public static class UploadedSheet
{
    /// <param name="chooseSheet">Picks the sheet from the workbook's sheet names; null reads the first.</param>
    /// <param name="maxLines">Stops reading after this many rows, so an oversized sheet is refused without being read whole.</param>
    /// <returns>Every row with its row number in Excel (line).</returns>
    public static List<(int Line, string[] Cells)> ReadXlsx(string path, string displayName,
        Func<IReadOnlyList<string>, string?>? chooseSheet = null, int maxLines = int.MaxValue)
    {
        SafeXlsx.Check(path, displayName);
        try
        {
            var sheet = chooseSheet?.Invoke(MiniExcel.GetSheetNames(path));
            return [.. MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
                .Select((r, i) => (i + 1, r.Values.Select(CellText).ToArray()))
                .Take(maxLines)];
        }
        catch (Exception e) when (e is not ImportFileException and not OperationCanceledException)
        {
            throw new ImportFileException($"{displayName}: xlsx として読めません。ファイルが壊れているか、Excel ブックの形式ではありません。");
        }
    }

    /// <summary>A cell as MiniExcel returns it, as text: an Excel date as yyyy-MM-dd, a number without a trailing .0.</summary>
    public static string CellText(object? v) => v switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("0.############", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    /// <summary>The rows as CSV text, each led by its line number.</summary>
    public static string ToPayload(IEnumerable<(int Line, IEnumerable<string> Cells)> rows)
    {
        var sb = new StringBuilder();
        foreach (var (line, cells) in rows)
            sb.Append(string.Join(',', cells.Prepend(line.ToString(CultureInfo.InvariantCulture)).Select(Quote))).Append('\n');
        return sb.ToString();
    }

    /// <summary>The rows of <see cref="ToPayload"/> back; a record not led by a line number is dropped.</summary>
    public static IEnumerable<(int Line, List<string> Cells)> FromPayload(string payload)
    {
        foreach (var record in CsvText.Parse(payload))
        {
            if (record.Fields.Count > 0 && int.TryParse(record.Fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var line))
                yield return (line, record.Fields.Skip(1).ToList());
        }
    }

    // Not CsvWriter.Field: that one defuses formulas for spreadsheets, which would change a "-1" the apply step re-reads.
    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
