using Renkei.Web.Platform.Web;
using System.Data;
using System.Globalization;
using Microsoft.Net.Http.Headers;
using Renkei.Web.Platform.Text;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Indicators;

/// <summary>
/// Tables for download as CSV (UTF-8 with BOM) or xlsx. A missing value is an empty cell with its reason in
/// a status column, never 0; numbers stay numbers in xlsx so they can be charted in Excel.
/// </summary>
public static class IndicatorDownloads
{
    public static async Task WriteAsync(HttpContext http, TimeProvider clock, string baseName, string format, string[] header, IEnumerable<object?[]> rows)
    {
        var xlsx = format == "xlsx";
        Download.Start(http, xlsx ? Download.Xlsx : Download.Csv, Download.DatedName(clock, baseName, xlsx ? "xlsx" : "csv"), "indicators");
        if (!xlsx)
        {
            await using var csv = new CsvWriter(http.Response.Body);
            await csv.WriteRowAsync(header);
            foreach (var row in rows) await csv.WriteRowAsync(row.Select(Text));
            return;
        }
        using var table = new DataTable("指標");
        var list = rows.ToList();
        for (var c = 0; c < header.Length; c++)
            table.Columns.Add(header[c], list.Count > 0 && list.All(r => r[c] is null or decimal) && list.Any(r => r[c] is decimal) ? typeof(decimal) : typeof(string));
        foreach (var row in list) table.Rows.Add([.. row.Select((v, c) => v is null ? DBNull.Value : table.Columns[c].DataType == typeof(decimal) ? v : Text(v))]);
        await XlsxTable.WriteAsync(http.Response.Body, http.RequestAborted, table);
    }

    /// <summary>A value cell: the number at stored precision, or null (empty) when there is none.</summary>
    public static object? Number(decimal? value) => value is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null;

    private static string? Text(object? v) => v switch
    {
        null => null,
        decimal d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString(),
    };
}
