using System.Data;
using MiniExcelLibs;
using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Directory.Export;

/// <summary>The professionals' list of a search as CSV (UTF-8 with BOM or Shift_JIS) or xlsx, one row per provider.</summary>
public static class DirectorySpreadsheet
{
    public const string SheetName = "資源一覧";

    /// <summary>Writes each row as it is read: a prefecture's list never sits in memory as one string.</summary>
    public static async Task WriteCsvAsync(Stream output, IAsyncEnumerable<DirectoryEntry> entries, bool shiftJis, CancellationToken ct)
    {
        await using var csv = new CsvWriter(output, shiftJis ? ShiftJis.Encoding : null);
        await csv.WriteRowAsync(DirectoryEntry.Header);
        await foreach (var e in entries.WithCancellation(ct))
            await csv.WriteRowAsync(shiftJis ? e.Cells().Select(ShiftJis.Prepare) : e.Cells());
    }

    public static async Task WriteXlsxAsync(Stream output, IAsyncEnumerable<DirectoryEntry> entries, CancellationToken ct)
    {
        // A DataTable, not dictionaries, so that an empty search still gets its header row.
        using var table = new DataTable(SheetName);
        foreach (var name in DirectoryEntry.Header)
            table.Columns.Add(name, name is "病床数" or "定員" ? typeof(int) : typeof(string));
        await foreach (var e in entries.WithCancellation(ct))
        {
            var row = table.NewRow();
            var cells = e.Cells();
            for (var i = 0; i < cells.Length; i++)
            {
                // Numbers stay numbers so that Excel can sum beds and capacity.
                row[i] = table.Columns[i].DataType == typeof(int)
                    ? (int.TryParse(cells[i], out var n) ? n : DBNull.Value)
                    : (object?)cells[i] ?? DBNull.Value;
            }
            table.Rows.Add(row);
        }
        await XlsxTable.WriteAsync(output, ct, table);
    }
}
