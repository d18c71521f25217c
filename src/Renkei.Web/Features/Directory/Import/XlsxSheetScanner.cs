using System.Buffers.Text;
using System.Text;
using System.Runtime.CompilerServices;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// Reads the rows of a worksheet's XML straight from its UTF-8 bytes: the row and cell elements of sheetData (with or
/// without a namespace prefix), their r/t/s attributes, and the value or inline text of each cell. A 厚生局 list is
/// several megabytes of nothing else, and XmlReader's general machinery took most of the import's reading time on it.
/// A shared-string cell costs no allocation; text is unescaped (named and numeric character references).
/// The loops are compiled optimised from the first call: an import runs them a few hundred thousand times once, and
/// the tiers of unoptimised and profiling code they would otherwise pass through took longer than the reading itself.
/// </summary>
internal sealed class XlsxSheetScanner
{
    private readonly byte[] _bytes;
    private readonly int _length;
    private int _at;

    private ReadOnlySpan<byte> Xml => _bytes.AsSpan(0, _length);

    public XlsxSheetScanner(byte[] xml, int length)
    {
        (_bytes, _length) = (xml, length);
        // Rows and cells live in sheetData only.
        while (NextTag(out var name, out var closing, out _, out _) && (closing || !name.SequenceEqual("sheetData"u8))) { }
    }

    /// <summary>
    /// One cell: its zero-based column (-1 without a reference), type attribute, style index, and either the index of
    /// its shared string (type "s") or its value or inline text.
    /// </summary>
    public readonly record struct Cell(int Column, string? Type, int Style, int SharedString, string? Value);

    /// <summary>Moves to the next row; false at the end of the sheet data.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool NextRow(out int rowNumber, List<Cell> cells)
    {
        cells.Clear();
        rowNumber = 0;
        while (NextTag(out var name, out var closing, out var selfClosing, out var attributes))
        {
            if (closing && name.SequenceEqual("sheetData"u8)) return false;
            if (closing || !name.SequenceEqual("row"u8)) continue;
            rowNumber = Utf8Parser.TryParse(Attribute(attributes, "r"u8), out int r, out _) ? r : 0;
            if (selfClosing) return true;
            while (NextTag(out name, out closing, out selfClosing, out attributes))
            {
                if (closing && name.SequenceEqual("row"u8)) return true;
                if (closing || !name.SequenceEqual("c"u8)) continue;
                var type = TypeName(Attribute(attributes, "t"u8));
                var style = Utf8Parser.TryParse(Attribute(attributes, "s"u8), out int s, out _) ? s : 0;
                var (shared, value) = selfClosing ? (-1, null) : CellValue(type == "s");
                cells.Add(new Cell(Column(Attribute(attributes, "r"u8)), type, style, shared, value));
            }
            return true;
        }
        return false;
    }

    // After <c …>: the index in its v element (a shared string) or the text of v, or the t texts of its is element
    // (leaving out phonetic runs), up to </c>.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int Shared, string? Value) CellValue(bool shared)
    {
        var index = -1;
        string? value = null;
        StringBuilder? inline = null;
        var phonetic = false;
        while (NextTag(out var name, out var closing, out var selfClosing, out _))
        {
            if (closing && name.SequenceEqual("c"u8)) break;
            if (closing && name.SequenceEqual("rPh"u8)) phonetic = false;
            if (closing || selfClosing) continue;
            if (name.SequenceEqual("v"u8))
            {
                if (shared && Utf8Parser.TryParse(RawText(), out int i, out _)) index = i;
                else value = Text();
            }
            else if (name.SequenceEqual("rPh"u8)) phonetic = true;
            else if (name.SequenceEqual("is"u8)) inline ??= new StringBuilder();
            else if (name.SequenceEqual("t"u8) && inline is not null && !phonetic) inline.Append(Text());
        }
        return (index, inline?.ToString() ?? value);
    }

    // The character data from here to the next tag.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<byte> RawText()
    {
        var end = Xml[_at..].IndexOf((byte)'<');
        var raw = end < 0 ? Xml[_at..] : Xml.Slice(_at, end);
        _at += raw.Length;
        return raw;
    }

    private string Text() => Decode(RawText());

    private static string Decode(ReadOnlySpan<byte> raw)
    {
        var text = Encoding.UTF8.GetString(raw);
        return raw.IndexOf((byte)'&') < 0 ? text : System.Net.WebUtility.HtmlDecode(text);
    }

    // The next start or end tag (its local name, without prefix), skipping declarations, comments and text.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool NextTag(out ReadOnlySpan<byte> name, out bool closing, out bool selfClosing, out ReadOnlySpan<byte> attributes)
    {
        while (true)
        {
            var open = Xml[_at..].IndexOf((byte)'<');
            if (open < 0)
            {
                name = attributes = default;
                closing = selfClosing = false;
                _at = Xml.Length;
                return false;
            }
            _at += open + 1;
            if (_at < Xml.Length && Xml[_at] is (byte)'?' or (byte)'!')
            {
                var comment = Xml[_at..].StartsWith("!--"u8);
                var end = comment ? Xml[_at..].IndexOf("-->"u8) : Xml[_at..].IndexOf((byte)'>');
                _at = end < 0 ? Xml.Length : _at + end + (comment ? 3 : 1);
                continue;
            }
            var close = Xml[_at..].IndexOf((byte)'>');
            var tag = close < 0 ? Xml[_at..] : Xml.Slice(_at, close);
            _at += tag.Length + 1;
            closing = tag.Length > 0 && tag[0] == (byte)'/';
            if (closing) tag = tag[1..];
            selfClosing = tag.Length > 0 && tag[^1] == (byte)'/';
            if (selfClosing) tag = tag[..^1];
            var nameEnd = tag.IndexOfAny(" \t\r\n"u8);
            name = nameEnd < 0 ? tag : tag[..nameEnd];
            attributes = nameEnd < 0 ? default : tag[nameEnd..];
            if (name.IndexOf((byte)':') is var colon and >= 0) name = name[(colon + 1)..];
            return true;
        }
    }

    // The raw value of the attribute with this local name; empty when the tag does not have it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadOnlySpan<byte> Attribute(ReadOnlySpan<byte> attributes, ReadOnlySpan<byte> wanted)
    {
        while (true)
        {
            attributes = attributes.TrimStart(" \t\r\n"u8);
            var equals = attributes.IndexOf((byte)'=');
            if (equals < 0) return default;
            var name = attributes[..equals].TrimEnd(" \t\r\n"u8);
            if (name.IndexOf((byte)':') is var colon and >= 0) name = name[(colon + 1)..];
            var rest = attributes[(equals + 1)..].TrimStart(" \t\r\n"u8);
            if (rest.IsEmpty) return default;
            var end = rest[1..].IndexOf(rest[0]); // the closing quote, " or '
            if (end < 0) return default;
            if (name.SequenceEqual(wanted)) return rest.Slice(1, end);
            attributes = rest[(end + 2)..];
        }
    }

    // The cell types of the format as shared string instances (no allocation per cell).
    private static string? TypeName(ReadOnlySpan<byte> type) => type switch
    {
        [] => null,
        [(byte)'s'] => "s",
        [(byte)'n'] => "n",
        [(byte)'b'] => "b",
        [(byte)'e'] => "e",
        [(byte)'d'] => "d",
        _ when type.SequenceEqual("str"u8) => "str",
        _ when type.SequenceEqual("inlineStr"u8) => "inlineStr",
        _ => Decode(type),
    };

    /// <summary>"AB12" → 27 (zero-based column); -1 without a reference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Column(ReadOnlySpan<byte> reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is < (byte)'A' or > (byte)'Z') break;
            column = column * 26 + (c - 'A' + 1);
        }
        return column - 1;
    }
}
