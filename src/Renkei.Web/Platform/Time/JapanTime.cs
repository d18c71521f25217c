namespace Renkei.Web.Platform.Time;

/// <summary>
/// Dates are stored in UTC and shown in Japan time (UTC+9, no daylight saving), so a fixed
/// offset is exact and needs no time-zone database on the server.
/// </summary>
public static class JapanTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateTime ToJst(DateTime utc) =>
        DateTime.SpecifyKind(DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset), DateTimeKind.Unspecified);

    public static DateTime ToUtc(DateTime jst) =>
        DateTime.SpecifyKind(jst.Subtract(Offset), DateTimeKind.Utc);

    /// <summary>The instant (UTC) a day begins in Japan: the lower bound when filtering stored times by a Japanese date.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    public static DateOnly TodayJst(TimeProvider clock) =>
        DateOnly.FromDateTime(ToJst(clock.GetUtcNow().UtcDateTime));

    /// <summary>"2026/11/22 18:05" in Japan time: the way dates appear in lists and logs.</summary>
    public static string Format(DateTime utc) => ToJst(utc).ToString("yyyy/MM/dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
