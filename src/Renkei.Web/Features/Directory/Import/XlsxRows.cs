using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Runtime.CompilerServices;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// The first worksheet of an xlsx as rows of cell texts, streamed straight from the zip: shared and inline
/// strings (without their furigana runs), numbers, booleans, and dates by their number format ("yyyy-MM-dd").
/// Made for the 厚生局 lists, where MiniExcel's general reader took four times as long; every part is read
/// once, through <see cref="SafeXlsx.Budget"/>, so the expansion limits hold without a second pass.
/// Rows carry their sheet row number, the line staff see in Excel.
/// </summary>
public static class XlsxRows
{
    public sealed record Row(int Number, string[] Cells);

    private static readonly XmlReaderSettings Settings = new() { IgnoreComments = true, IgnoreProcessingInstructions = true, DtdProcessing = DtdProcessing.Prohibit };

    public static IEnumerable<Row> Read(ZipArchive zip, SafeXlsx.Budget budget)
    {
        var parts = XlsxParts.Find(zip, budget);
        var strings = parts.SharedStrings is { } s ? SharedStrings(s, budget) : [];
        var dateStyles = parts.Styles is { } st ? XlsxParts.DateStyles(st, budget) : [];
        var (xml, length) = ReadAll(parts.Sheet, budget);
        try
        {
            var scanner = new XlsxSheetScanner(xml, length);
            var cells = new List<XlsxSheetScanner.Cell>();
            var texts = new List<string>();
            var previousRow = 0;
            while (scanner.NextRow(out var number, cells))
            {
                previousRow = number > 0 ? number : previousRow + 1;
                yield return new Row(previousRow, Texts(cells, texts, strings, dateStyles));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(xml);
        }
    }

    // Out of the iterator, so that it can be compiled optimised from the start (see XlsxSheetScanner).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string[] Texts(List<XlsxSheetScanner.Cell> cells, List<string> texts, string[] strings, HashSet<int> dateStyles)
    {
        texts.Clear();
        foreach (var cell in cells)
        {
            var column = cell.Column >= 0 ? cell.Column : texts.Count; // a cell without a reference follows the one before
            while (texts.Count <= column) texts.Add("");
            texts[column] = Text(cell, strings, dateStyles);
        }
        return [.. texts];
    }

    /// <summary>
    /// The whole part in memory (within the budget), for the scanner to read the bytes directly: in a buffer from the
    /// shared pool (a sheet is megabytes; the caller returns it).
    /// </summary>
    private static (byte[] Bytes, int Length) ReadAll(ZipArchiveEntry entry, SafeXlsx.Budget budget)
    {
        using var stream = budget.Open(entry);
        var bytes = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(entry.Length, 4096, SafeXlsx.MaxUncompressedBytes));
        var length = 0;
        int read;
        while ((read = stream.Read(bytes, length, bytes.Length - length)) > 0)
        {
            length += read;
            if (length < bytes.Length) continue;
            var larger = ArrayPool<byte>.Shared.Rent(bytes.Length * 2); // the declared size was short
            bytes.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(bytes);
            bytes = larger;
        }
        return (bytes, length);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Text(XlsxSheetScanner.Cell cell, string[] strings, HashSet<int> dateStyles) => cell.Type switch
    {
        "s" => cell.SharedString >= 0 && cell.SharedString < strings.Length ? strings[cell.SharedString] : "",
        _ when cell.Value is null => "",
        "b" => cell.Value == "1" ? "True" : "False",
        "str" or "inlineStr" or "e" or "d" => cell.Value,
        _ when double.TryParse(cell.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) =>
            dateStyles.Contains(cell.Style) && number is > 0 and < 2958466
                ? DateTime.FromOADate(number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : number.ToString(CultureInfo.InvariantCulture),
        _ => cell.Value,
    };

    private static string[] SharedStrings(ZipArchiveEntry entry, SafeXlsx.Budget budget)
    {
        using var stream = budget.Open(entry);
        using var xml = XmlReader.Create(stream, Settings);
        var names = new Names(xml.NameTable);
        var strings = new List<string>();
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, names.SharedItem)) strings.Add(RichText(xml, names));
            else xml.Read();
        }
        return [.. strings];
    }

    // The text of a string item (si, is): its t elements, plain or in runs, leaving out phonetic runs (rPh).
    private static string RichText(XmlReader xml, Names names)
    {
        if (xml.IsEmptyElement) { xml.Read(); return ""; }
        var depth = xml.Depth;
        var text = new StringBuilder();
        xml.Read();
        while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element) xml.Read();
            else if (ReferenceEquals(xml.LocalName, names.Text)) text.Append(xml.ReadElementContentAsString());
            else if (ReferenceEquals(xml.LocalName, names.Phonetic)) xml.Skip();
            else xml.Read();
        }
        xml.Read();
        return text.ToString();
    }

    // Element names atomised in the reader's name table, so they compare by reference.
    private sealed class Names(XmlNameTable table)
    {
        public readonly string Row = table.Add("row"), Cell = table.Add("c"), Value = table.Add("v"), Inline = table.Add("is"),
            SharedItem = table.Add("si"), Text = table.Add("t"), Phonetic = table.Add("rPh");
    }
}
