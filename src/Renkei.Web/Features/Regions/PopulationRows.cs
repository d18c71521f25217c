using System.Globalization;
using System.Text.RegularExpressions;
using MiniExcelLibs;

namespace Renkei.Web.Features.Regions;

/// <summary>
/// Population per municipality from 住民基本台帳 2025-01-01 (juki_age_muni_2025.xlsx): the 計 row of
/// each code; 65+ and 75+ are the sums of the 5-year bands from 65 and 75 up. The header is found
/// by its text (団体コード), not by a fixed row number; prefecture, 郡 and 島しょ subtotal rows are skipped.
/// </summary>
public static partial class PopulationRows
{
    [GeneratedRegex(@"^(\d+)歳")]
    private static partial Regex BandStart();

    public static void Apply(string path, Dictionary<string, Municipality> municipalities)
    {
        var file = Path.GetFileName(path);
        List<object?[]> rows;
        try
        {
            rows = [.. MiniExcel.Query(path, useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToArray())];
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException)
        {
            throw new ReferenceDataException(file, 0, $"xlsx として読めません（{e.Message}）。");
        }
        var headerIndex = rows.FindIndex(r => Text(r, 0) == "団体コード");
        if (headerIndex < 1) throw new ReferenceDataException(file, 0, "見出し行（団体コード）が見つかりません。");
        var bands = rows[headerIndex - 1];
        int Col(string label) => Array.FindIndex(bands, c => c?.ToString()?.Trim() == label);
        var totalCol = Col("総数");
        var bandCols = Enumerable.Range(0, bands.Length)
            .Select(i => (i, m: BandStart().Match(bands[i]?.ToString() ?? "")))
            .Where(x => x.m.Success)
            .Select(x => (Index: x.i, From: int.Parse(x.m.Groups[1].Value, CultureInfo.InvariantCulture)))
            .ToList();
        if (totalCol < 0 || bandCols.Count(b => b.From >= 75) < 5)
            throw new ReferenceDataException(file, headerIndex, "年齢階級の見出し（総数、75歳～79歳 …）が見つかりません。");

        var found = 0;
        for (var i = headerIndex + 1; i < rows.Count; i++)
        {
            var row = rows[i];
            if (Text(row, 3) != "計" || !municipalities.TryGetValue(Text(row, 0) ?? "", out var m)) continue;
            m.Population = Count(file, i, row, totalCol);
            m.Population65Plus = bandCols.Where(b => b.From >= 65).Sum(b => Count(file, i, row, b.Index));
            m.Population75Plus = bandCols.Where(b => b.From >= 75).Sum(b => Count(file, i, row, b.Index));
            found++;
        }
        if (found < municipalities.Count * 9 / 10)
            throw new ReferenceDataException(file, 0, $"人口が見つかった市区町村が {found} 件しかありません（{municipalities.Count} 件中）。");
    }

    private static string? Text(object?[] row, int i) => i < row.Length ? row[i]?.ToString()?.Trim() : null;

    private static int Count(string file, int rowIndex, object?[] row, int col)
    {
        var text = Text(row, col);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : throw new ReferenceDataException(file, rowIndex + 1, $"{col + 1}列目「{text}」は人数ではありません。");
    }
}
