namespace Renkei.Web.Features.Directory.Import;

/// <summary>A time span within one day, in minutes since midnight.</summary>
public readonly record struct TimeSpanOfDay(int Start, int End)
{
    public override string ToString() => $"{Start / 60}:{Start % 60:00}〜{End / 60}:{End % 60:00}";
}

/// <summary>
/// One row of a 診療科・診療時間票: a department's times in one 時間帯, per day 月..日, 祝 (null: no time that day),
/// as 診療時間 and as 外来受付時間.
/// </summary>
public sealed record DepartmentHours(string Department, int Band, TimeSpanOfDay?[] Care, TimeSpanOfDay?[] Reception);

/// <summary>
/// The 診療時間 of one facility as one line a professional reads at a glance:
/// "内科・小児科 月〜金 9:00〜12:00・14:00〜17:00、土 9:00〜12:00／歯科 受付 月・水 9:00〜11:30".
/// Per department, the 時間帯 of a day are joined by ・ and days with the same times are grouped (three or
/// more consecutive days as a range 月〜金); departments with the same times share one entry; entries are
/// separated by ／. A department with no 診療時間 but 外来受付時間 shows those, marked 受付 (hospitals often publish
/// only when outpatients are received). <see cref="OpenWeekdaysText"/> reads the days back.
/// </summary>
public static class IryojohoHoursText
{
    public static readonly string[] Days = ["月", "火", "水", "木", "金", "土", "日", "祝"];

    /// <summary>The text, or null when no row has a time; cut to <paramref name="maxLength"/> with "…".</summary>
    public static string? Format(IEnumerable<DepartmentHours> rows, int maxLength)
    {
        var entries = rows.GroupBy(r => r.Department)
            .Select(d => (Department: d.Key, Schedule: Schedule([.. d])))
            .Where(d => d.Schedule is not null)
            .GroupBy(d => d.Schedule!)
            .Select(g => string.Join("・", g.Select(d => d.Department)) + " " + g.Key)
            .ToList();
        if (entries.Count == 0) return null;
        var text = string.Join("／", entries);
        return text.Length <= maxLength ? text : text[..(maxLength - 1)] + "…";
    }

    private static string? Schedule(List<DepartmentHours> bands)
    {
        var useCare = bands.Any(b => b.Care.Any(t => t is not null));
        var perDay = Enumerable.Range(0, Days.Length)
            .Select(d => string.Join("・", bands.Select(b => (useCare ? b.Care : b.Reception)[d]).OfType<TimeSpanOfDay>()
                .OrderBy(t => t.Start).Select(t => t.ToString())))
            .ToList();
        var groups = Enumerable.Range(0, Days.Length).Where(d => perDay[d].Length > 0)
            .GroupBy(d => perDay[d])
            .Select(g => DayRanges([.. g]) + " " + g.Key)
            .ToList();
        if (groups.Count == 0) return null;
        return (useCare ? "" : "受付 ") + string.Join("、", groups);
    }

    // [0,1,2,3,4,6,7] → "月〜金・日・祝"; two consecutive days stay a pair (土・日); 祝 never joins a range.
    private static string DayRanges(List<int> days)
    {
        var parts = new List<string>();
        for (var i = 0; i < days.Count;)
        {
            var j = i;
            while (j + 1 < days.Count && days[j + 1] == days[j] + 1 && days[j + 1] < 7) j++;
            if (j - i >= 2) parts.Add($"{Days[days[i]]}〜{Days[days[j]]}");
            else parts.AddRange(days[i..(j + 1)].Select(d => Days[d]));
            i = j + 1;
        }
        return string.Join("・", parts);
    }
}
