using Microsoft.AspNetCore.Mvc;
using Renkei.Web.Platform.Text;
using Renkei.Web.Platform.Web;

namespace Renkei.Web.Features.Pdca;

/// <summary>
/// CSV (UTF-8 with BOM, via <see cref="CsvWriter"/>) and xlsx downloads of the PDCA lists. A
/// municipality's issues and countermeasures are hundreds of rows at most, so they are built in memory.
/// </summary>
public static class PdcaSpreadsheet
{
    public static async Task<FileContentResult> CsvAsync(string baseName, IReadOnlyList<string> header, IEnumerable<string?[]> rows, TimeProvider clock) =>
        new(await CsvWriter.ToBytesAsync(header, rows), Download.Csv) { FileDownloadName = Download.DatedName(clock, baseName, "csv") };

    /// <param name="sheetName">The list's name (課題一覧); <paramref name="baseName"/> adds the municipality for the file.</param>
    public static async Task<FileContentResult> XlsxAsync(string sheetName, string baseName, IReadOnlyList<string> header, IEnumerable<string?[]> rows, TimeProvider clock)
    {
        using var table = XlsxTable.Of(sheetName, header, rows);
        return new(await XlsxTable.ToBytesAsync(CancellationToken.None, table), Download.Xlsx) { FileDownloadName = Download.DatedName(clock, baseName, "xlsx") };
    }
}
