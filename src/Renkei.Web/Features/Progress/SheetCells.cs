using System.Globalization;
using Renkei.Web.Platform.Time;
using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Progress;

/// <summary>
/// Reads the cells of the answer template as people fill them in Excel: full-width digits, a date typed as text or
/// kept as an Excel date, 和暦, 「あり」 or ○. Each reader returns the value or the Japanese reason it cannot.
/// </summary>
public static class SheetCells
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy年M月d日"];

    /// <summary>Full-width letters and digits folded, spaces trimmed.</summary>
    public static string Normal(string? s) => JapaneseText.NormalizeKC(s ?? "").Trim();

    public static (ItemStatus Status, string? Error) Status(string cell, string column)
    {
        var s = Normal(cell);
        if (s.Length == 0) return (ItemStatus.Unanswered, null);
        return ProgressText.ParseStatus(s) is { } status
            ? (status, null)
            : (ItemStatus.Unanswered, $"{column}「{cell}」が読めません（実施中・年度内実施予定・未実施 のいずれかで書いてください）。");
    }

    public static (PdcaStage Stage, string? Error) Stage(string cell, string column)
    {
        var s = Normal(cell);
        if (s.Length == 0) return (PdcaStage.None, null);
        // 「2」 or the template's full wording 「2 対応策を具体化」.
        if (s[0] is >= '1' and <= '3' && (s.Length == 1 || !char.IsAsciiDigit(s[1]))) return ((PdcaStage)(s[0] - '0'), null);
        return (PdcaStage.None, $"{column}「{cell}」は 1・2・3 のいずれかで書いてください。");
    }

    public static (bool Value, string? Error) Flag(string cell, string column) => Normal(cell) switch
    {
        "" or "なし" or "無" or "×" or "0" => (false, null),
        "あり" or "有" or "○" or "◯" or "〇" or "1" => (true, null),
        _ => (false, $"{column}「{cell}」は「{RoundSheet.Yes}」か空欄で書いてください。"),
    };

    public static (DateOnly? Date, string? Error) Date(string cell, string column)
    {
        var s = Normal(cell);
        if (s.Length == 0) return (null, null);
        if (DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return (d, null);
        // An Excel date read with its time of day (2026-12-01 00:00:00).
        if (DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt) && dt.TimeOfDay == TimeSpan.Zero) return (DateOnly.FromDateTime(dt), null);
        if (Wareki.TryParse(s, out d)) return (d, null);
        return (null, $"{column}「{cell}」が日付として読めません（2026-12-01 または 令和8年12月1日 の形で書いてください）。");
    }
}
