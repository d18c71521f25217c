using System.Data;
using MiniExcelLibs;

namespace Renkei.Web.Platform.Text;

/// <summary>Writes tables as xlsx downloads: the one place every export goes through.</summary>
public static class XlsxTable
{
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
