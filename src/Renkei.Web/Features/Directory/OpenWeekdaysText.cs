using System.Text.RegularExpressions;
using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Directory;

/// <summary>
/// Reads on which days a provider is open from the texts the directory stores, so that the search can
/// filter on a weekday (<see cref="Provider.OpenWeekdays"/>). Understood:
/// <list type="bullet">
/// <item>診療時間 (<see cref="Provider.Hours"/>, written by <see cref="Import.IryojohoHoursText"/> or typed by staff): a day
/// followed by a time is open — "内科 月〜金 9:00〜12:00、土 9:00〜12:00", "土日祝 9:00〜12:00".</item>
/// <item>医療情報ネット closed days (<see cref="Import.IryojohoClosedDays"/>): "休診: 土・日・祝日、第2・第4土曜"; a day closed
/// only in some weeks counts as open; "休診: なし" is every day.</item>
/// <item>介護サービス情報公表 利用可能曜日: "平日,土曜日,祝日", possibly followed by the 特記事項 after a full-width space.</item>
/// </list>
/// The hours win when they name days (they are per time, the most specific). Anything else is unknown
/// (null): a guessed "closed" would hide a provider from a search.
/// </summary>
public static partial class OpenWeekdaysText
{
    public const Weekdays Everyday = Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday
        | Weekdays.Friday | Weekdays.Saturday | Weekdays.Sunday | Weekdays.Holiday;

    private const Weekdays WeekdaysOnly = Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday;

    /// <summary>The choices of the search's 営業日 filter, in week order.</summary>
    public static readonly IReadOnlyList<(Weekdays Day, string Label)> Choices =
    [
        (Weekdays.Monday, "月曜日"), (Weekdays.Tuesday, "火曜日"), (Weekdays.Wednesday, "水曜日"), (Weekdays.Thursday, "木曜日"),
        (Weekdays.Friday, "金曜日"), (Weekdays.Saturday, "土曜日"), (Weekdays.Sunday, "日曜日"), (Weekdays.Holiday, "祝日"),
    ];

    // 月..日 in week order, then 祝 (never part of a range such as 月〜金).
    private const string DayChars = "月火水木金土日祝";

    private static readonly Dictionary<string, Weekdays> CareTerms = new()
    {
        ["平日"] = WeekdaysOnly, ["土曜日"] = Weekdays.Saturday, ["日曜日"] = Weekdays.Sunday, ["祝日"] = Weekdays.Holiday,
    };

    // One or more days (月, 月曜, 月曜日, 祝日; separated by ・、, or a range 〜) directly followed by a time.
    private const string Day = "(?:祝日|祝|[月火水木金土日](?:曜日|曜)?)";

    [GeneratedRegex($@"(?<days>{Day}(?:\s*[〜~・、,]?\s*{Day})*)\s*\d{{1,2}}:\d{{2}}")]
    private static partial Regex DaysBeforeTime();

    [GeneratedRegex("[月火水木金土日祝]")]
    private static partial Regex DayChar();

    public static Weekdays? Of(string? openDays, string? hours) => FromHours(hours) ?? FromOpenDays(openDays);

    /// <summary>The days that have a time in an hours text; null when it names none.</summary>
    public static Weekdays? FromHours(string? hours)
    {
        if (string.IsNullOrWhiteSpace(hours)) return null;
        // NFKC turns full-width digits, colons and the wave dash ～ into their ASCII forms.
        var text = JapaneseText.NormalizeKC(hours);
        var days = Weekdays.None;
        foreach (Match m in DaysBeforeTime().Matches(text)) days |= DayList(m.Groups["days"].Value);
        return days == Weekdays.None ? null : days;
    }

    /// <summary>The days of a 医療情報ネット closed-days text or a 介護 利用可能曜日 text; null for any other text.</summary>
    public static Weekdays? FromOpenDays(string? openDays)
    {
        var text = openDays?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        foreach (var label in new[] { "休診:", "休業:" })
            if (text.StartsWith(label, StringComparison.Ordinal)) return OpenFromClosed(text[label.Length..].Trim());
        // 利用可能曜日 is a comma-separated list; the 特記事項 follows after a (full-width) space.
        var list = text.Split([' ', '　'], 2)[0];
        var open = Weekdays.None;
        foreach (var term in list.Split([',', '、']))
        {
            if (!CareTerms.TryGetValue(term.Trim(), out var days)) return null;
            open |= days;
        }
        return open;
    }

    // "土・日・祝日、第2・第4土曜": the first parts are closed every week; "第…" parts only in some weeks, so open.
    private static Weekdays? OpenFromClosed(string closedText)
    {
        if (closedText == "なし") return Everyday;
        var closed = Weekdays.None;
        foreach (var part in closedText.Split('、'))
        {
            if (part.StartsWith('第')) continue;
            foreach (var token in part.Split('・'))
            {
                var t = token.Trim();
                var index = t == "祝日" ? 7 : t.Length == 1 ? DayChars.IndexOf(t[0], StringComparison.Ordinal) : -1;
                if (index is < 0 or > 7) return null;
                closed |= Flag(index);
            }
        }
        return Everyday & ~closed;
    }

    // "月〜水・金" → Monday..Wednesday and Friday: a 〜 between two days fills the days in between.
    private static Weekdays DayList(string days)
    {
        var result = Weekdays.None;
        var previous = -1;
        var previousEnd = 0;
        foreach (Match m in DayChar().Matches(days))
        {
            // 日 right after 祝 (祝日) or after 曜 (月曜日) is part of that word, not Sunday.
            if (m.Value == "日" && m.Index > 0 && days[m.Index - 1] is '祝' or '曜') continue;
            var index = DayChars.IndexOf(m.Value[0], StringComparison.Ordinal);
            var between = days[previousEnd..m.Index];
            if (previous >= 0 && index < 7 && previous < index && (between.Contains('〜') || between.Contains('~')))
                for (var d = previous + 1; d < index; d++) result |= Flag(d);
            result |= Flag(index);
            previous = index;
            previousEnd = m.Index + 1;
        }
        return result;
    }

    private static Weekdays Flag(int index) => (Weekdays)(1 << index);
}
