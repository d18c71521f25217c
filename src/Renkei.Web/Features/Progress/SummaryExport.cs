using System.Data;
using Renkei.Web.Platform.Text;
using Renkei.Web.Platform.Web;

namespace Renkei.Web.Features.Progress;

/// <summary>
/// Summary tables as files: one xlsx with a sheet per table (numbers stay numbers) after a 概要 sheet that says
/// what was counted, or one table as CSV (UTF-8 with BOM, via <see cref="CsvWriter"/>). Dated Japanese names.
/// </summary>
public static class SummaryExport
{
    public static async Task<IResult> XlsxAsync(TimeProvider clock, string baseName, IReadOnlyList<(string Label, string Value)> about, IReadOnlyList<SummaryTable> tables, CancellationToken ct)
    {
        var sheets = new List<DataTable> { XlsxTable.Of("概要", ["項目", "内容"], about.Select(a => new[] { a.Label, a.Value })) };
        sheets.AddRange(tables.Select(Sheet));
        var bytes = await XlsxTable.ToBytesAsync(ct, [.. sheets]);
        foreach (var s in sheets) s.Dispose();
        return Results.File(bytes, Download.Xlsx, Download.DatedName(clock, baseName, "xlsx"));
    }

    public static async Task<IResult> CsvAsync(TimeProvider clock, string baseName, SummaryTable table)
    {
        var bytes = await CsvWriter.ToBytesAsync(table.Columns.Select(c => c.Title), table.Rows.Select(r => r.Cells.Select((v, c) => SummaryText.Csv(v, table.Columns[c].Kind))));
        return Results.File(bytes, Download.Csv, Download.DatedName(clock, $"{baseName}_{table.Title}", "csv"));
    }

    private static DataTable Sheet(SummaryTable t)
    {
        var sheet = new DataTable(SheetName(t.Title));
        foreach (var c in t.Columns)
            sheet.Columns.Add(c.Title, c.Kind switch { CellKind.Count => typeof(int), CellKind.Text => typeof(string), _ => typeof(decimal) });
        foreach (var r in t.Rows) sheet.Rows.Add([.. r.Cells.Select(v => v ?? DBNull.Value)]);
        return sheet;
    }

    // Excel's limits on sheet names: 31 characters, none of : \ / ? * [ ].
    private static string SheetName(string title)
    {
        var clean = new string([.. title.Select(ch => ch is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '・' : ch)]);
        return clean.Length <= 31 ? clean : clean[..31];
    }
}
