using System.Globalization;
using System.Security.Cryptography;
using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Regions;

/// <summary>
/// Reads the reference files in ReferenceData/ (see the SOURCE-*.txt notes there) into a
/// validated <see cref="ReferenceDataSet"/>. Any problem names the file and row.
/// </summary>
public static class ReferenceDataParser
{
    public const string PrefectureFile = "prefjp-utf8.csv";
    public const string MunicipalityFile = "localgovjp-utf8.csv";
    public const string AreaFile = "municipality_to_iryoken2.csv";
    public const string CodeChangeFile = "code-changes.csv";
    public const string PopulationFile = "juki_age_muni_2025.xlsx";

    public static ReferenceDataSet Parse(string directory)
    {
        string FilePath(string name) => File.Exists(Path.Combine(directory, name))
            ? Path.Combine(directory, name)
            : throw new ReferenceDataException(name, 0, $"ファイルがありません（{directory}）。");

        var prefectures = ParsePrefectures(FilePath(PrefectureFile));
        var changes = CodeChanges.Parse(FilePath(CodeChangeFile));
        var municipalities = MunicipalityRows.Parse(FilePath(MunicipalityFile), prefectures, changes);
        var areas = SecondaryAreaRows.Apply(FilePath(AreaFile), municipalities, changes);
        PopulationRows.Apply(FilePath(PopulationFile), municipalities);
        return new ReferenceDataSet(prefectures, areas, [.. municipalities.Values], ContentHash(directory));
    }

    /// <summary>A fingerprint of the files' bytes: unchanged files need no parsing at start-up.</summary>
    public static string ContentHash(string directory)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in new[] { PrefectureFile, CodeChangeFile, MunicipalityFile, AreaFile, PopulationFile })
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path)) throw new ReferenceDataException(name, 0, $"ファイルがありません（{directory}）。");
            sha.AppendData(File.ReadAllBytes(path));
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    internal static List<Prefecture> ParsePrefectures(string path)
    {
        var rows = Rows(path, ["pid", "pref", "prefkana", "lat", "lng"], out var col);
        var result = new List<Prefecture>();
        foreach (var row in rows)
        {
            var pid = Field(path, row, col["pid"]);
            if (!int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 47)
                throw new ReferenceDataException(Path.GetFileName(path), row.LineNumber, $"都道府県番号「{pid}」は 1〜47 ではありません。");
            result.Add(new Prefecture
            {
                Code = n.ToString("00", CultureInfo.InvariantCulture),
                Name = Field(path, row, col["pref"]),
                Kana = Field(path, row, col["prefkana"]),
                Latitude = Number(path, row, col["lat"]),
                Longitude = Number(path, row, col["lng"]),
            });
        }
        if (result.Count != 47 || result.Select(p => p.Code).Distinct().Count() != 47)
            throw new ReferenceDataException(Path.GetFileName(path), 0, $"都道府県が47件ではありません（{result.Count}件）。");
        return result;
    }

    /// <summary>Reads a CSV, checks the header has the named columns, returns the data rows and a name→index map.</summary>
    internal static List<CsvText.Row> Rows(string path, string[] required, out Dictionary<string, int> columns)
    {
        List<CsvText.Row> rows;
        try { rows = [.. CsvText.ReadFile(path)]; }
        catch (FormatException e) { throw new ReferenceDataException(Path.GetFileName(path), 0, e.Message); }
        if (rows.Count == 0) throw new ReferenceDataException(Path.GetFileName(path), 1, "ファイルが空です。");
        var header = rows[0].Fields.Select((name, i) => (name, i)).GroupBy(x => x.name).ToDictionary(g => g.Key, g => g.First().i);
        columns = header;
        var missing = required.Where(r => !header.ContainsKey(r)).ToList();
        if (missing.Count > 0)
            throw new ReferenceDataException(Path.GetFileName(path), 1, $"見出し行に列 {string.Join("、", missing)} がありません。");
        return [.. rows.Skip(1).Where(r => r.Fields.Count > 1 || r.Fields[0].Length > 0)];
    }

    internal static string Field(string path, CsvText.Row row, int index, bool required = true)
    {
        var value = index < row.Fields.Count ? row.Fields[index].Trim() : null;
        if (string.IsNullOrEmpty(value) && required)
            throw new ReferenceDataException(Path.GetFileName(path), row.LineNumber, $"{index + 1}列目が空か、列が足りません。");
        return value ?? "";
    }

    internal static double Number(string path, CsvText.Row row, int index)
    {
        var text = Field(path, row, index);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new ReferenceDataException(Path.GetFileName(path), row.LineNumber, $"{index + 1}列目「{text}」は数値ではありません。");
    }
}
