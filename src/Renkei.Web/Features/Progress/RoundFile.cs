using Renkei.Web.Features.Directory.Import;

namespace Renkei.Web.Features.Progress;

/// <summary>A row of the uploaded template as read (line = its row number in Excel), before checking.</summary>
public sealed record RawRow(int Line, IReadOnlyList<string> Cells)
{
    public string At(int column) => column < Cells.Count ? Cells[column] : "";
}

/// <summary>
/// Reads an uploaded answer template. The file is checked like every xlsx Renkei opens (<see cref="UploadedSheet"/>: type,
/// size, zip bomb) before it is read; a file that cannot be read at all is refused whole with a Japanese reason.
/// </summary>
public static class RoundFile
{
    /// <summary>A prefecture's template is tens of kilobytes; anything near this is not one.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;
    public const int MaxRows = 2000;

    public static List<RawRow> Read(string path, string displayName)
    {
        if (new FileInfo(path).Length > MaxFileBytes) throw new ImportFileException($"{displayName}: ファイルが大きすぎます（{MaxFileBytes / 1024 / 1024} MB まで）。");
        var rows = UploadedSheet.ReadXlsx(path, displayName,
                sheets => sheets.Contains(RoundSheet.AnswerSheet) ? RoundSheet.AnswerSheet : sheets.FirstOrDefault(), MaxRows + 2)
            .Select(r => new RawRow(r.Line, r.Cells)).ToList();
        rows = [.. rows.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c)))];
        if (rows.Count == 0) throw new ImportFileException($"{displayName}: シートが空です。");
        var expected = RoundSheet.Header;
        var header = rows[0].Cells.Select(c => c.Trim()).ToList();
        for (var c = 0; c < expected.Count; c++)
        {
            var found = c < header.Count ? header[c] : "";
            if (found != expected[c])
                throw new ImportFileException($"{displayName}: {c + 1}列目の見出しが「{found}」です（「{expected[c]}」のはずです）。この調査回のひな形をダウンロードして使ってください。");
        }
        if (rows.Count - 1 > MaxRows) throw new ImportFileException($"{displayName}: 行が多すぎます（{MaxRows} 行まで）。");
        return rows[1..];
    }

    /// <summary>The rows carried by the preview form to the apply step (which checks them again).</summary>
    public static string ToPayload(IEnumerable<RawRow> rows) => UploadedSheet.ToPayload(rows.Select(r => (r.Line, r.Cells.AsEnumerable())));

    public static List<RawRow> FromPayload(string payload) =>
        [.. UploadedSheet.FromPayload(payload).Where(r => r.Cells.Count > 0).Select(r => new RawRow(r.Line, r.Cells))];
}
