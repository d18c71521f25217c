using System.Globalization;
using System.Text.RegularExpressions;
using Renkei.Web.Platform.Text;

namespace Renkei.Web.Platform.Time;

/// <summary>
/// Japanese era (和暦) formatting and parsing. A fixed table rather than .NET's JapaneseCalendar so the output
/// does not depend on the server's ICU data and the first year prints as 元年 as officials write it.
/// </summary>
public static partial class Wareki
{
    private sealed record Era(string Name, DateOnly Start);

    // Newest first. Source: 元号法 and the era proclamations (令和 from 2019-05-01).
    private static readonly Era[] Eras =
    [
        new("令和", new DateOnly(2019, 5, 1)),
        new("平成", new DateOnly(1989, 1, 8)),
        new("昭和", new DateOnly(1926, 12, 25)),
        new("大正", new DateOnly(1912, 7, 30)),
        new("明治", new DateOnly(1868, 1, 25)),
    ];

    /// <summary>"令和7年11月22日".</summary>
    public static string FormatDate(DateOnly date)
    {
        var (era, year) = EraYear(date);
        return string.Create(CultureInfo.InvariantCulture, $"{era}{YearText(year)}年{date.Month}月{date.Day}日");
    }

    /// <summary>The era and the year within it for a date, e.g. (令和, 7).</summary>
    public static (string Era, int Year) EraYear(DateOnly date)
    {
        foreach (var era in Eras)
        {
            if (date >= era.Start)
            {
                return (era.Name, date.Year - era.Start.Year + 1);
            }
        }
        throw new ArgumentOutOfRangeException(nameof(date), date, "明治より前の日付は和暦で表示できません。");
    }

    /// <summary>"令和7年度" for the 年度 that starts in April of <paramref name="fiscalYear"/>.</summary>
    public static string FormatFiscalYear(int fiscalYear)
    {
        var (era, year) = EraYear(new DateOnly(fiscalYear, 4, 1));
        return $"{era}{YearText(year)}年度";
    }

    /// <summary>
    /// Reads one 和暦 date as public documents write it: "令和7年10月1日", full-width digits
    /// ("令和７年１０月１日"), space padding ("令和 4年10月 1日") and 元年. False for anything else, for a
    /// day that does not exist, and for a date outside its era (平成31年5月1日 was already 令和).
    /// </summary>
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = string.Concat(JapaneseText.NormalizeKC(text).Where(c => !char.IsWhiteSpace(c)));
        var index = Array.FindIndex(Eras, e => s.StartsWith(e.Name, StringComparison.Ordinal));
        if (index < 0) return false;
        var era = Eras[index];
        var m = YearMonthDay().Match(s[era.Name.Length..]);
        if (!m.Success) return false;
        var year = era.Start.Year - 1 + (m.Groups[1].Value == "元" ? 1 : int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        var candidate = new DateOnly(year, month, day);
        var nextEra = index == 0 ? DateOnly.MaxValue : Eras[index - 1].Start;
        if (candidate < era.Start || candidate >= nextEra) return false;
        date = candidate;
        return true;
    }

    // After the era name: 元 or the year (the first year is sometimes written 1), month, day.
    [GeneratedRegex("^(元|[0-9]{1,3})年([0-9]{1,2})月([0-9]{1,2})日$")]
    private static partial Regex YearMonthDay();

    private static string YearText(int year) => year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture);
}
