using System.Text;

namespace Renkei.Web.Platform.Text;

/// <summary>
/// Writes CSV for download: UTF-8 with a byte-order mark (Excel on Japanese Windows reads BOM-less
/// UTF-8 as Shift_JIS and shows mojibake), CRLF line ends, RFC 4180 quoting, and cells that a
/// spreadsheet would run as a formula made inert. Reads back with <see cref="CsvText"/>.
/// </summary>
public sealed class CsvWriter : IAsyncDisposable
{
    private static readonly UTF8Encoding NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly StreamWriter _out;

    /// <summary>
    /// Starts the file with the BOM, or, given another <paramref name="encoding"/> (Shift_JIS for old
    /// Excel set-ups, BOM-less UTF-8 for machine readers), writes in it without one. Leaves
    /// <paramref name="stream"/> open (e.g. the response body).
    /// </summary>
    public CsvWriter(Stream stream, Encoding? encoding = null)
    {
        // The BOM is written as a character rather than left to StreamWriter, whose preamble
        // depends on the stream's position and seekability.
        _out = new StreamWriter(stream, encoding ?? NoBom, bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        if (encoding is null) _out.Write('\uFEFF');
    }

    public async Task WriteRowAsync(IEnumerable<string?> fields)
    {
        await _out.WriteAsync(string.Join(',', fields.Select(Field)));
        await _out.WriteAsync("\r\n");
    }

    /// <summary>A small list (tens or hundreds of rows) as the bytes of a CSV file, for a File() result.</summary>
    public static async Task<byte[]> ToBytesAsync(IEnumerable<string?> header, IEnumerable<IEnumerable<string?>> rows)
    {
        using var buffer = new MemoryStream();
        await using (var csv = new CsvWriter(buffer))
        {
            await csv.WriteRowAsync(header);
            foreach (var row in rows) await csv.WriteRowAsync(row);
        }
        return buffer.ToArray();
    }

    /// <summary>One cell as it appears in the file.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        // Formula injection (OWASP "CSV Injection"): a cell starting with = + - @ (or tab / CR, which
        // some spreadsheets skip before looking) is run as a formula. A leading quote makes it text.
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public async ValueTask DisposeAsync()
    {
        // Asynchronous flush: the server refuses synchronous writes to a response body.
        await _out.FlushAsync();
        await _out.DisposeAsync();
    }
}
