using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>Opening a source CSV safely: size limit, strict UTF-8, the exact published header.</summary>
public static class SourceCsv
{
    /// <summary>The largest file accepted (the biggest national open-data file is about 40 MB).</summary>
    public const long MaxBytes = 200L * 1024 * 1024;

    public static List<CsvText.Row> ReadWithHeader(string path, string displayName, string[] columns)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0) throw new ImportFileException($"{displayName}: ファイルが空です。");
        if (info.Length > MaxBytes) throw new ImportFileException($"{displayName}: ファイルが大きすぎます（{MaxBytes / 1024 / 1024} MB まで）。");
        List<CsvText.Row> rows;
        try
        {
            rows = [.. CsvText.ReadFile(path)];
        }
        catch (FormatException e)
        {
            throw new ImportFileException($"{displayName}: {e.Message}");
        }
        if (rows.Count == 0) throw new ImportFileException($"{displayName}: ファイルが空です。");
        var header = rows[0].Fields.Select(h => h.Trim()).ToList();
        var missing = columns.Where(c => !header.Contains(c)).ToList();
        var extra = header.Where(h => !columns.Contains(h)).ToList();
        if (missing.Count > 0 || extra.Count > 0 || header.Count != columns.Length)
        {
            var parts = new List<string>();
            if (missing.Count > 0) parts.Add($"足りない列: {string.Join("、", missing.Take(5))}{(missing.Count > 5 ? " ほか" : "")}");
            if (extra.Count > 0) parts.Add($"余分な列: {string.Join("、", extra.Take(5))}{(extra.Count > 5 ? " ほか" : "")}");
            throw new ImportFileException($"{displayName}: 1行目の見出しが公表されている形式と違います（{string.Join("／", parts)}）。ファイルの種類が正しいか確認してください。");
        }
        if (!header.SequenceEqual(columns))
            throw new ImportFileException($"{displayName}: 1行目の見出しの並び順が公表されている形式と違います。");
        var data = rows.Skip(1).Where(r => r.Fields.Count > 1 || r.Fields[0].Trim().Length > 0).ToList();
        // A short last row means the file was cut off (an interrupted download): refuse all of it.
        if (data.Count > 0 && data[^1].Fields.Count < columns.Length)
            throw new ImportFileException($"{displayName}: ファイルの末尾（{data[^1].LineNumber}行目）が途中で切れています。ダウンロードし直してください。");
        return data;
    }
}
