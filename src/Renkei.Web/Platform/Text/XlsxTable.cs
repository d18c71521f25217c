using System.Data;
using MiniExcelLibs;

namespace Renkei.Web.Platform.Text;

/// <summary>Writes tables as xlsx downloads: the one place every export goes through.</summary>
public static class XlsxTable
{
    /// <summary>A sheet of text cells: a DataTable rather than dictionaries, so an empty list still gets its header row.</summary>
    public static DataTable Of(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var table = new DataTable(sheetName);
        foreach (var name in header) table.Columns.Add(name, typeof(string));
        foreach (var cells in rows) table.Rows.Add([.. cells.Select(c => (object?)c ?? DBNull.Value)]);
        return table;
    }

    /// <summary>A small workbook (tens or hundreds of rows) as bytes, for a File() result.</summary>
    public static async Task<byte[]> ToBytesAsync(CancellationToken ct, params DataTable[] tables)
    {
        using var buffer = new MemoryStream();
        await WriteAsync(buffer, ct, tables);
        return buffer.ToArray();
    }

    /// <summary>
    /// One sheet per table, named after it, header row first. Through a temporary file: the zip container is
    /// finished with synchronous writes, which the response body refuses, and the file need not sit in memory.
    /// </summary>
    public static async Task WriteAsync(Stream output, CancellationToken ct, params DataTable[] tables)
    {
        var path = Path.GetTempFileName();
        try
        {
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write))
            {
                if (tables.Length == 1)
                {
                    await MiniExcel.SaveAsAsync(file, tables[0], sheetName: tables[0].TableName, excelType: ExcelType.XLSX, cancellationToken: ct);
                }
                else
                {
                    var sheets = new DataSet();
                    foreach (var t in tables) sheets.Tables.Add(t);
                    await MiniExcel.SaveAsAsync(file, sheets, excelType: ExcelType.XLSX, cancellationToken: ct);
                }
            }
            await using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
            await read.CopyToAsync(output, ct);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
