namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// The closed-day flags of a 医療情報ネット facility row as one readable line: "休診: 土・日・祝日、第2・第4土曜".
/// Only "0" means closed; prefectures leave many flags blank, and blank says nothing. The per-week flags are
/// often all "1" even for weekdays closed every week, so they only add weeks for days open in the weekly flags.
/// </summary>
public static class IryojohoClosedDays
{
    private static readonly string[] Days = ["月", "火", "水", "木", "金", "土", "日"];

    /// <returns>"休診: …", "休診: なし" when every flag says open, or null when the row does not say.</returns>
    public static string? Describe(IReadOnlyList<string> fields, IryojohoLayout layout)
    {
        var c = layout.ClosedDays;
        string Flag(string column) => fields[layout.IndexOf(column)].Trim();
        var everyWeek = new List<string>();
        var someWeeks = new List<string>();
        for (var d = 0; d < Days.Length; d++)
        {
            if (c.Weekly[d].Any(col => Flag(col) == "0")) { everyWeek.Add(Days[d]); continue; }
            var weeks = Enumerable.Range(0, 5).Where(w => Flag(c.Periodic[w][d]) == "0").ToList();
            if (weeks.Count == 5) everyWeek.Add(Days[d]);
            else if (weeks.Count > 0) someWeeks.Add(string.Join("・", weeks.Select(w => $"第{w + 1}")) + Days[d] + "曜");
        }
        if (c.Holiday.Any(col => Flag(col) == "0")) everyWeek.Add("祝日");
        var parts = new List<string>();
        if (everyWeek.Count > 0) parts.Add(string.Join("・", everyWeek));
        parts.AddRange(someWeeks);
        if (parts.Count > 0) return $"{c.Label}: {string.Join("、", parts)}";
        var allOpen = c.Weekly.All(day => day.Any(col => Flag(col) == "1")) && c.Holiday.Any(col => Flag(col) == "1");
        return allOpen ? $"{c.Label}: なし" : null;
    }
}
