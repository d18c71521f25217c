using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

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
        using var stream = budget.Open(parts.Sheet);
        using var xml = XmlReader.Create(stream, Settings);
        var names = new Names(xml.NameTable);
        var cells = new List<string>();
        var rowNumber = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || !ReferenceEquals(xml.LocalName, names.Row)) continue;
            rowNumber = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
            cells.Clear();
            if (!xml.IsEmptyElement)
            {
                var depth = xml.Depth;
                xml.Read();
                while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
                {
                    if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, names.Cell)) ReadCell(xml, names, cells, strings, dateStyles);
                    else xml.Read();
                }
            }
            yield return new Row(rowNumber, [.. cells]);
        }
    }

    // Leaves the reader after the cell; places its text at its column (cells without a reference follow the previous one).
    private static void ReadCell(XmlReader xml, Names names, List<string> cells, string[] strings, HashSet<int> dateStyles)
    {
        var column = Column(xml.GetAttribute("r")) ?? cells.Count;
        var type = xml.GetAttribute("t");
        var style = int.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var st) ? st : 0;
        string? value = null;
        if (!xml.IsEmptyElement)
        {
            var depth = xml.Depth;
            xml.Read();
            while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                if (xml.NodeType != XmlNodeType.Element) xml.Read();
                else if (ReferenceEquals(xml.LocalName, names.Value)) value = xml.ReadElementContentAsString();
                else if (ReferenceEquals(xml.LocalName, names.Inline)) value = RichText(xml, names);
                else xml.Skip();
            }
        }
        xml.Read();
        while (cells.Count <= column) cells.Add("");
        cells[column] = value is null ? "" : type switch
        {
            "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Length ? strings[i] : "",
            "b" => value == "1" ? "True" : "False",
            "str" or "inlineStr" or "e" or "d" => value,
            _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) =>
                dateStyles.Contains(style) && number is > 0 and < 2958466
                    ? DateTime.FromOADate(number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : number.ToString(CultureInfo.InvariantCulture),
            _ => value,
        };
    }

    /// <summary>"AB12" → 27 (zero-based column); null without a reference.</summary>
    private static int? Column(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z') break;
            column = column * 26 + (c - 'A' + 1);
        }
        return column == 0 ? null : column - 1;
    }

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
