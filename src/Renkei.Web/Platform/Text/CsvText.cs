using System.Buffers;
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
        var fields = new List<string>(64);
        var line = 1;
        var rowStart = 1;
        var at = 0;
        while (at < text.Length)
        {
            var (value, end) = FastField(text, at) ?? SlowField(text, at, rowStart, ref line);
            at = end + 1;
            if (end < text.Length && text[end] == ',') { fields.Add(value); continue; }
            // What is left after the last line break, when it reads as nothing ("\r", a quoted ""), is no row.
            if (end == text.Length && value.Length == 0 && fields.Count == 0) break;
            fields.Add(value);
            // The row ends at a line break or at the end of the text. An exact-size array: the rows of a file are all kept.
            yield return new Row(rowStart, fields.ToArray());
            fields.Clear();
            line++;
            rowStart = line;
        }
        // A last field after a comma with nothing behind it ("a,b,").
        if (text.Length > 0 && text[^1] == ',')
            yield return new Row(rowStart, [.. fields, ""]);
    }

    private static readonly SearchValues<char> Unquoted = SearchValues.Create(",\n\r\"");

    /// <summary>
    /// The common field, read as one slice of the text: unquoted without quotes or carriage returns inside it, or quoted
    /// without doubled quotes or line breaks. Returns the value and the index of the comma or line break that ends it
    /// (the text's length at its end), or null for any other field, which <see cref="SlowField"/> reads.
    /// </summary>
    private static (string Value, int End)? FastField(string text, int at)
    {
        if (at < text.Length && text[at] == '"')
        {
            var found = text.AsSpan(at + 1).IndexOfAny('"', '\n');
            if (found < 0 || text[at + 1 + found] != '"') return null;
            var close = at + 1 + found;
            var end = FieldEnd(text, close + 1);
            return end < 0 ? null : (Slice(text, at + 1, close), end);
        }
        var stop = text.AsSpan(at).IndexOfAny(Unquoted);
        var limit = stop < 0 ? text.Length : at + stop;
        var unquotedEnd = FieldEnd(text, limit);
        return unquotedEnd < 0 ? null : (Slice(text, at, limit), unquotedEnd);
    }

    /// <summary>
    /// Where a field whose value stops at <paramref name="at"/> ends: there, at a comma, a line feed or the text's end; at
    /// the line feed of a CRLF; -1 for anything else (the field goes on, and <see cref="SlowField"/> reads it).
    /// </summary>
    private static int FieldEnd(string text, int at)
    {
        if (at == text.Length || text[at] is ',' or '\n') return at;
        if (text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n') return at + 1;
        return -1;
    }

    // One-character fields ("0", "1", "○") are most of some files' fields: one shared string each.
    private static readonly string[] OneChar = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

    private static string Slice(string text, int from, int to) => (to - from) switch
    {
        0 => "",
        1 when text[from] < 128 => OneChar[text[from]],
        _ => text.Substring(from, to - from),
    };

    /// <summary>
    /// Any field, a character at a time: doubled quotes, line breaks inside quotes (counted in <paramref name="line"/>),
    /// carriage returns dropped outside quotes, a quote inside an unquoted field kept as it is.
    /// </summary>
    private static (string Value, int End) SlowField(string text, int at, int rowStart, ref int line)
    {
        var field = new StringBuilder();
        var inQuotes = false;
        for (var i = at; i < text.Length; i++)
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
                case ',' or '\n': return (field.ToString(), i);
                case '\r': break;
                default: field.Append(c); break;
            }
        }
        if (inQuotes) throw new FormatException($"{rowStart}行目: 引用符（\"）が閉じられていません。");
        return (field.ToString(), text.Length);
    }
}
