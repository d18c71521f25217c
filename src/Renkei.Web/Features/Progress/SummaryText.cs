using System.Globalization;
using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Progress;

/// <summary>Words and number formats of the summary tables (kept apart from <see cref="ProgressText"/>, which the answer pages own).</summary>
public static class SummaryText
{
    /// <summary>
    /// Which answers the tables count, said once for the page, the exports and the API: every saved answer, drafts
    /// included, because prefecture staff often enter answers for municipalities without a separate hand-in step,
    /// and the dashboard is read while the round is open to see who still has to answer. How many are submitted
    /// is shown beside it, and drafts are marked in the lists.
    /// </summary>
    public const string CountingRule = "保存された回答（入力中を含む）を集計しています。提出済の数は別に示します。";

    public const string CountingKey = "saved-including-drafts";

    public const string SampleNotice = "このデータはデモ用に作成したもので、実際の実施状況ではありません。";

    public static string Japanese(this AnswerState state) => state switch
    {
        AnswerState.Submitted => "提出済",
        AnswerState.Draft => "入力中",
        _ => "未回答",
    };

    public static string ItemHeading(ProgramItem item) => item.Label() + item.Title();

    public static string RunningLabel(int count) => count switch
    {
        0 => "0項目（実施なし）",
        ProgressSummary.ItemCount => $"{count}項目（全て実施）",
        _ => $"{count}項目",
    };

    public static string AsOf(DateOnly date) => Wareki.FormatDate(date) + "現在";

    /// <summary>A cell as the page and the CSV show it; null is 「—」 on the page, empty in the CSV.</summary>
    public static string? Format(object? value, CellKind kind) => value switch
    {
        null => null,
        int i => i.ToString("#,0", CultureInfo.InvariantCulture),
        decimal d when kind == CellKind.Percent => d.ToString("0.0", CultureInfo.InvariantCulture),
        decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>CSV cells: as on the page (same decimals) but without digit grouping, so spreadsheets read them as numbers.</summary>
    public static string? Csv(object? value, CellKind kind) =>
        value is int i ? i.ToString(CultureInfo.InvariantCulture) : Format(value, kind);
}
