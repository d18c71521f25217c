using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Directory.Import;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Text;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Indicators;

/// <summary>A row of an import file as read, before checking (line = the row's line in the file).</summary>
public sealed record RawValueRow(int Line, string Municipality, string Year, string Code, string Value, string Note);

/// <summary>A checked row: either a value to store or the reason it is refused.</summary>
public sealed record CheckedValueRow(RawValueRow Raw, string? MunicipalityName, int? Year, DataElement? Element, decimal? Value, string? Error);

/// <summary>
/// Import of manual values from CSV (UTF-8) or xlsx with the columns 団体コード, 年度, 項目コード, 値, 備考
/// (further columns, such as the template's 項目名, are ignored). Every row is checked and refused one by one
/// with its line and reason; the file is applied only when no row is refused, so half a file never lands.
/// </summary>
public sealed class ValueImport(RenkeiDb db, ValueStore store, IndicatorResults results)
{
    public static readonly string[] Header = ["団体コード", "年度", "項目コード", "値", "備考"];
    public const int MaxRows = 20000;
    public const long MaxCsvBytes = 5 * 1024 * 1024;

    /// <summary>Reads a file; throws <see cref="ImportFileException"/> for a file that cannot be read at all.</summary>
    public static List<RawValueRow> Read(string path, string displayName)
    {
        var xlsx = displayName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        List<(int Line, string[] Cells)> lines;
        if (xlsx)
        {
            lines = UploadedSheet.ReadXlsx(path, displayName);
        }
        else
        {
            if (new FileInfo(path).Length > MaxCsvBytes) throw new ImportFileException($"{displayName}: ファイルが大きすぎます（{MaxCsvBytes / 1024 / 1024} MB まで）。");
            try { lines = [.. CsvText.ReadFile(path).Select(r => (r.LineNumber, r.Fields.ToArray()))]; }
            catch (FormatException e) { throw new ImportFileException($"{displayName}: {e.Message}"); }
        }
        lines = [.. lines.Where(l => l.Cells.Any(c => !string.IsNullOrWhiteSpace(c)))];
        if (lines.Count == 0) throw new ImportFileException($"{displayName}: ファイルが空です。");
        var header = lines[0].Cells.Select(c => c.Trim().TrimStart('\uFEFF')).Take(Header.Length).ToArray();
        if (!header.SequenceEqual(Header))
            throw new ImportFileException($"{displayName}: 1行目の見出しが「{string.Join(",", Header)}」ではありません（ひな形をダウンロードして使ってください）。");
        if (lines.Count - 1 > MaxRows) throw new ImportFileException($"{displayName}: 行が多すぎます（{MaxRows} 行まで）。");
        return [.. lines.Skip(1).Select(l => new RawValueRow(l.Line, At(l.Cells, 0), At(l.Cells, 1), At(l.Cells, 2), At(l.Cells, 3), At(l.Cells, 4)))];
    }

    /// <summary>Checks every row against the catalogue, the caller's write scope, the year range and the other rows.</summary>
    public async Task<List<CheckedValueRow>> CheckAsync(IReadOnlyList<RawValueRow> rows, CancellationToken ct = default)
    {
        var codes = rows.Select(r => Normal(r.Municipality)).Distinct().ToList();
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => codes.Contains(m.Code)).ToDictionaryAsync(m => m.Code, m => m.Name, ct);
        var elementCodes = rows.Select(r => r.Code.Trim()).Distinct().ToList();
        var elements = await db.DataElements.AsNoTracking().Where(e => elementCodes.Contains(e.Code)).ToDictionaryAsync(e => e.Code, ct);
        var current = results.CurrentFiscalYear;
        var seen = new Dictionary<(string, int, string), int>();
        var result = new List<CheckedValueRow>();
        foreach (var raw in rows)
        {
            var muni = Normal(raw.Municipality);
            var name = municipalities.GetValueOrDefault(muni);
            var year = ParseYear(raw.Year);
            elements.TryGetValue(raw.Code.Trim(), out var element);
            var value = ParseValue(raw.Value);
            string? error =
                name is null ? $"団体コード「{raw.Municipality}」は存在しません。"
                : !db.Scope.CanWrite(muni) ? $"{name}（{muni}）の値を登録する権限がありません。"
                : year is null ? $"年度「{raw.Year}」が読めません（2025 または 令和7年度 の形で書いてください）。"
                : year < current - 20 || year > current ? $"年度「{raw.Year}」は範囲外です（{Wareki.FormatFiscalYear(current - 20)}〜{Wareki.FormatFiscalYear(current)}）。"
                : element is null || (element.MunicipalityCode is not null && element.MunicipalityCode != muni) ? $"項目コード「{raw.Code}」は登録されていません。"
                : element.Kind == ElementKind.Computed ? $"項目「{element.Name}」は Renkei が計算する項目のため取り込めません。"
                : string.IsNullOrWhiteSpace(raw.Value) ? "値が空です（値を消すには入力画面で空欄にしてください）。"
                : value is null ? $"値「{raw.Value}」が数値ではありません。"
                : value < 0 ? $"値「{raw.Value}」が負の数です。"
                : raw.Note.Length > 1000 ? "備考が長すぎます（1000文字まで）。"
                : seen.TryGetValue((muni, year.Value, element.Code), out var first) ? $"{first}行目と同じ団体・年度・項目の行です。"
                : null;
            if (error is null) seen[(muni, year!.Value, element!.Code)] = raw.Line;
            result.Add(new CheckedValueRow(raw, name, year, element, value, error));
        }
        return result;
    }

    /// <summary>Stores every row in one save; refuses (returns false) when any row was refused.</summary>
    public async Task<bool> ApplyAsync(IReadOnlyList<CheckedValueRow> rows, string? user, CancellationToken ct = default)
    {
        if (rows.Count == 0 || rows.Any(r => r.Error is not null)) return false;
        foreach (var r in rows)
            await store.PutAsync(Normal(r.Raw.Municipality), r.Element!.Id, r.Year!.Value, r.Value!.Value, r.Raw.Note.Trim() is { Length: > 0 } n ? n : null, ValueOrigin.Import, user, null, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The rows carried by the preview form to the apply step (checked again there).</summary>
    public static string ToPayload(IEnumerable<RawValueRow> rows) =>
        UploadedSheet.ToPayload(rows.Select(r => (r.Line, (IEnumerable<string>)[r.Municipality, r.Year, r.Code, r.Value, r.Note])));

    public static List<RawValueRow> FromPayload(string payload) =>
        [.. UploadedSheet.FromPayload(payload).Where(r => r.Cells.Count == 5)
            .Select(r => new RawValueRow(r.Line, r.Cells[0], r.Cells[1], r.Cells[2], r.Cells[3], r.Cells[4]))];

    public static int? ParseYear(string text)
    {
        var s = Normal(text).Replace("年度", "", StringComparison.Ordinal);
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return y is >= 1900 and <= 2200 ? y : null;
        // The 年度 starts in April, but an era's first year may start later (令和元年 = 2019-05-01): try the year's end too.
        return Wareki.TryParse(s + "年4月1日", out var date) || Wareki.TryParse(s + "年12月31日", out date) ? date.Year : null;
    }

    public static decimal? ParseValue(string text) =>
        decimal.TryParse(Normal(text).Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : null;

    // Full-width digits and spaces as people type them in Excel.
    private static string Normal(string s) => JapaneseText.NormalizeKC(s).Trim();

    private static string At(string[] cells, int i) => i < cells.Length ? cells[i] : "";
}
