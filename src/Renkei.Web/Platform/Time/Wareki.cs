using System.Globalization;

namespace Renkei.Web.Platform.Time;

/// <summary>
/// Japanese era (和暦) formatting. A fixed table rather than .NET's JapaneseCalendar so the output
/// does not depend on the server's ICU data and the first year prints as 元年 as officials write it.
/// </summary>
public static class Wareki
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

    private static string YearText(int year) => year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture);
}
