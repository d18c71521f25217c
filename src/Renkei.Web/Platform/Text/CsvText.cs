using System.Text;

namespace Renkei.Web.Platform.Text;

/// <summary>
/// RFC 4180 CSV: quoted fields with doubled quotes, commas and line breaks inside quotes, CRLF or LF.
/// Strict UTF-8: a file in another encoding (e.g. Shift_JIS) fails with a clear error instead of turning into mojibake.
/// </summary>
public static class CsvText
{
    public sealed record Row(int LineNumber, IReadOnlyList<string> Fields);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEnumerable<Row> ReadFile(string path)
    {
        string text;
        // The bytes in a pooled buffer and the BOM skipped before decoding: a national file is tens of megabytes, and
        // a new array for the bytes plus a copy of the text without its BOM cost an import two full collections.
        using (var file = File.OpenRead(path))
        {
            var length = checked((int)file.Length);
            var bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
            try
            {
                file.ReadExactly(bytes, 0, length);
                var bom = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
                text = StrictUtf8.GetString(bytes, bom, length - bom);
            }
            catch (DecoderFallbackException)
            {
                throw new FormatException("UTF-8 として読めません（Shift_JIS など別の文字コードの可能性があります）。");
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
            }
        }
        return Parse(text.TrimStart('\uFEFF'));
    }

    public static IEnumerable<Row> Parse(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowStart = 1;
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') inQuotes = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: inQuotes = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    yield return new Row(rowStart, fields);
                    fields = []; line++; rowStart = line;
                    break;
                default: field.Append(c); break;
            }
        }
        if (inQuotes) throw new FormatException($"{rowStart}行目: 引用符（\"）が閉じられていません。");
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return new Row(rowStart, fields);
        }
    }
}
