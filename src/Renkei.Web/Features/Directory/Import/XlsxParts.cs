using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// Where the parts of an xlsx are (first worksheet in workbook order, shared strings, styles), found through
/// the workbook's relationships, and which cell styles show dates. For <see cref="XlsxRows"/>.
/// </summary>
public sealed record XlsxParts(ZipArchiveEntry Sheet, ZipArchiveEntry? SharedStrings, ZipArchiveEntry? Styles)
{
    private const string RelationshipNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static XlsxParts Find(ZipArchive zip, SafeXlsx.Budget budget)
    {
        string? firstSheetId = null;
        using (var xml = XmlReader.Create(budget.Open(zip.GetEntry("xl/workbook.xml")!)))
        {
            while (firstSheetId is null && xml.Read())
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet") firstSheetId = xml.GetAttribute("id", RelationshipNs);
        }
        var targets = new Dictionary<string, (string Type, string Target)>(StringComparer.Ordinal);
        if (zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            using var xml = XmlReader.Create(budget.Open(rels));
            while (xml.Read())
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Id") is { } id)
                    targets[id] = (xml.GetAttribute("Type") ?? "", xml.GetAttribute("Target") ?? "");
        }
        ZipArchiveEntry? Part(string? target) => target is null ? null
            : zip.GetEntry(target.StartsWith('/') ? target[1..] : "xl/" + target);
        string? OfType(string suffix) => targets.Values.Where(t => t.Type.EndsWith(suffix, StringComparison.Ordinal)).Select(t => t.Target).FirstOrDefault();

        var sheet = Part(firstSheetId is not null && targets.TryGetValue(firstSheetId, out var s) ? s.Target : null)
            ?? zip.GetEntry("xl/worksheets/sheet1.xml")
            ?? throw new InvalidDataException("The workbook has no worksheet.");
        return new XlsxParts(sheet, Part(OfType("/sharedStrings")) ?? zip.GetEntry("xl/sharedStrings.xml"), Part(OfType("/styles")) ?? zip.GetEntry("xl/styles.xml"));
    }

    /// <summary>The indexes of the cell formats (cellXfs) whose number format is a date.</summary>
    public static HashSet<int> DateStyles(ZipArchiveEntry styles, SafeXlsx.Budget budget)
    {
        var customDates = new HashSet<int>();
        var formats = new List<int>();
        using var xml = XmlReader.Create(budget.Open(styles));
        var inCellFormats = false;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs") inCellFormats = false;
            if (xml.NodeType != XmlNodeType.Element) continue;
            switch (xml.LocalName)
            {
                case "numFmt" when IsDateFormat(xml.GetAttribute("formatCode")):
                    if (int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) customDates.Add(id);
                    break;
                case "cellXfs": inCellFormats = !xml.IsEmptyElement; break;
                case "xf" when inCellFormats:
                    formats.Add(int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0);
                    break;
            }
        }
        return [.. formats.Select((format, index) => (format, index)).Where(x => IsBuiltInDate(x.format) || customDates.Contains(x.format)).Select(x => x.index)];
    }

    // Excel's built-in date formats, including the Japanese ones (27–36, 50–58).
    private static bool IsBuiltInDate(int id) => id is (>= 14 and <= 17) or 22 or (>= 27 and <= 36) or (>= 50 and <= 58);

    // A custom format is a date when, outside quoted text and [colour/locale] sections, it has a year, day or era
    // part ("E+" is an exponent, not an era).
    private static bool IsDateFormat(string? code)
    {
        if (code is null || code.Equals("General", StringComparison.OrdinalIgnoreCase)) return false;
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = char.ToLowerInvariant(code[i]);
            if (c == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (c == '[') bracket = true;
            else if (c == ']') bracket = false;
            else if (bracket) continue;
            else if (c is 'y' or 'd' or 'g') return true;
            else if (c == 'e' && (i + 1 == code.Length || code[i + 1] is not ('+' or '-'))) return true;
        }
        return false;
    }
}
