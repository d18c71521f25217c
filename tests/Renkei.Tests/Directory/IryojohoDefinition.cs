using System.Text;
using MiniExcelLibs;
using Renkei.Tests.Support;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>
/// MHLW's 医療情報ネット 定義書 workbook (001306376.xlsx), read at test time. We have no real clinic, dental or
/// pharmacy file, so their fixtures are written from the column names this workbook publishes — not from the
/// reader's own lists — and a reader whose layout drifted from the definition fails on them.
/// </summary>
public static class IryojohoDefinition
{
    public sealed record Column(string Name, string Format)
    {
        /// <summary>A 0/1 day flag (0：休診 1：診療, 0：閉店 1：開店).</summary>
        public bool IsFlag => Format.StartsWith("0：", StringComparison.Ordinal);
    }

    public static string Workbook => Path.Combine(RepoPaths.Shared, "data", "iryojoho-net", "001306376.xlsx");

    /// <summary>The numbered rows under the 「オープンデータ項目名」 header of one sheet, in order.</summary>
    public static List<Column> Columns(string sheet)
    {
        static string Cell(IDictionary<string, object?> row, string key) => row.TryGetValue(key, out var v) ? v?.ToString()?.Trim() ?? "" : "";
        return [.. MiniExcel.Query(Workbook, useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>()
            .SkipWhile(r => Cell(r, "B") != "オープンデータ項目名").Skip(1)
            .TakeWhile(r => int.TryParse(Cell(r, "A"), out _) && Cell(r, "B").Length > 0)
            .Select(r => new Column(Cell(r, "B"), Cell(r, "F")))];
    }

    /// <summary>
    /// A CSV as MHLW publishes them (UTF-8 with BOM, CRLF, every field quoted) with the workbook's header and one
    /// line per row. Cells a row does not name are empty, except day flags, which default to "1" (open).
    /// </summary>
    public static void Write(string path, List<Column> columns, params Dictionary<string, string>[] rows)
    {
        static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var lines = new List<string> { string.Join(",", columns.Select(c => Quote(c.Name))) };
        lines.AddRange(rows.Select(row => string.Join(",", columns.Select(c => Quote(row.TryGetValue(c.Name, out var v) ? v : c.IsFlag ? "1" : "")))));
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", new UTF8Encoding(true));
    }
}
