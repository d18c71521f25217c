namespace Renkei.Web.Platform.Time;

/// <summary>
/// The Japanese 年度 runs from 1 April to 31 March; it is named by the calendar year it starts in.
/// </summary>
public readonly record struct FiscalYear(int StartYear)
{
    public static FiscalYear Of(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    public static FiscalYear Current(TimeProvider clock) => Of(JapanTime.TodayJst(clock));

    public DateOnly FirstDay => new(StartYear, 4, 1);

    public DateOnly LastDay => new(StartYear + 1, 3, 31);

    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    /// <summary>
    /// The 介護保険事業計画 period (three 年度) containing this 年度. 第9期 = 令和6〜8年度 (2024–2026),
    /// and each period before or after is three years away.
    /// </summary>
    public int CarePlanPeriod => 9 + (int)Math.Floor((StartYear - 2024) / 3.0);

    public override string ToString() => Wareki.FormatFiscalYear(StartYear);
}
