using Renkei.Web.Platform.Time;

namespace Renkei.Tests.Platform;

public sealed class JapaneseCalendarTests
{
    [Theory]
    [InlineData(2026, 11, 22, "令和8年11月22日")]
    [InlineData(2019, 5, 1, "令和元年5月1日")]
    [InlineData(2019, 4, 30, "平成31年4月30日")]
    [InlineData(1989, 1, 7, "昭和64年1月7日")]
    [InlineData(1989, 1, 8, "平成元年1月8日")]
    public void Dates_are_written_in_the_japanese_era(int y, int m, int d, string expected) =>
        Assert.Equal(expected, Wareki.FormatDate(new DateOnly(y, m, d)));

    [Theory]
    [InlineData(2026, 3, 31, 2025, "令和7年度")]
    [InlineData(2026, 4, 1, 2026, "令和8年度")]
    [InlineData(2019, 4, 1, 2019, "平成31年度")]
    [InlineData(2020, 1, 15, 2019, "平成31年度")]
    public void The_fiscal_year_runs_april_to_march(int y, int m, int d, int startYear, string label)
    {
        var fy = FiscalYear.Of(new DateOnly(y, m, d));
        Assert.Equal(startYear, fy.StartYear);
        Assert.Equal(label, fy.ToString());
        Assert.True(fy.Contains(new DateOnly(y, m, d)));
        Assert.False(fy.Contains(fy.FirstDay.AddDays(-1)));
    }

    [Theory]
    [InlineData(2024, 9)]
    [InlineData(2026, 9)]
    [InlineData(2027, 10)]
    [InlineData(2023, 8)]
    [InlineData(2021, 8)]
    public void Care_plan_periods_are_three_fiscal_years(int startYear, int period) =>
        Assert.Equal(period, new FiscalYear(startYear).CarePlanPeriod);

    [Fact]
    public void Japan_time_is_utc_plus_nine()
    {
        var utc = new DateTime(2026, 3, 31, 15, 30, 0, DateTimeKind.Utc);
        Assert.Equal("2026/04/01 00:30", JapanTime.Format(utc));
        Assert.Equal(utc, JapanTime.ToUtc(JapanTime.ToJst(utc)));
    }
}
