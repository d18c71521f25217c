using System.Data;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;
using Renkei.Web.Platform.Text;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Pdca;

/// <summary>
/// CSV (UTF-8 with BOM, via <see cref="CsvWriter"/>) and xlsx downloads of the PDCA lists. A
/// municipality's issues and countermeasures are hundreds of rows at most, so they are built in memory.
/// </summary>
public static class PdcaSpreadsheet
{
    public static async Task<FileContentResult> CsvAsync(string baseName, IReadOnlyList<string> header, IEnumerable<string?[]> rows, TimeProvider clock)
    {
        using var buffer = new MemoryStream();
        await using (var csv = new CsvWriter(buffer))
        {
            await csv.WriteRowAsync(header);
            foreach (var row in rows) await csv.WriteRowAsync(row);
        }
        return new FileContentResult(buffer.ToArray(), "text/csv; charset=utf-8") { FileDownloadName = FileName(baseName, clock, "csv") };
    }

    /// <param name="sheetName">The list's name (課題一覧); <paramref name="baseName"/> adds the municipality for the file.</param>
    public static async Task<FileContentResult> XlsxAsync(string sheetName, string baseName, IReadOnlyList<string> header, IEnumerable<string?[]> rows, TimeProvider clock)
    {
        // A DataTable, so that an empty list still gets its header row.
        using var table = new DataTable(sheetName);
        foreach (var name in header) table.Columns.Add(name, typeof(string));
        foreach (var cells in rows) table.Rows.Add([.. cells.Select(c => (object?)c ?? DBNull.Value)]);
        using var buffer = new MemoryStream();
        await MiniExcel.SaveAsAsync(buffer, table, sheetName: sheetName, excelType: ExcelType.XLSX);
        return new FileContentResult(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        {
            FileDownloadName = FileName(baseName, clock, "xlsx"),
        };
    }

    /// <summary>課題一覧_鳥取市_20261122.csv, dated in Japan time.</summary>
    private static string FileName(string baseName, TimeProvider clock, string extension) =>
        $"{baseName}_{JapanTime.TodayJst(clock):yyyyMMdd}.{extension}";
}
