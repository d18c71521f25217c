using Renkei.Web.Platform.Time;

namespace Renkei.Tests.Platform;

public sealed class WarekiParseTests
{
    [Theory]
    [InlineData("令和 4年10月 1日", 2022, 10, 1)]       // 厚生局 lists pad with spaces
    [InlineData("令和７年１０月１日", 2025, 10, 1)]      // full-width digits in the title
    [InlineData("平成24年 4月 1日", 2012, 4, 1)]
    [InlineData("令和元年 5月 1日", 2019, 5, 1)]
    [InlineData("令和1年5月1日", 2019, 5, 1)]
    [InlineData("平成元年1月8日", 1989, 1, 8)]
    [InlineData("平成31年4月30日", 2019, 4, 30)]
    [InlineData("昭和64年1月7日", 1989, 1, 7)]
    [InlineData("昭和５８年　４月　１日", 1983, 4, 1)]   // full-width spaces
    [InlineData(" 令和 7年 9月 1日 ", 2025, 9, 1)]
    public void Japanese_era_dates_are_read_as_written(string text, int y, int m, int d)
    {
        Assert.True(Wareki.TryParse(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2025-10-01")]
    [InlineData("令和7年10月")]                 // no day
    [InlineData("令和7年13月1日")]              // no such month
    [InlineData("令和7年2月29日")]              // 2025 is not a leap year
    [InlineData("平成31年5月1日")]              // already 令和
    [InlineData("令和元年4月30日")]             // still 平成
    [InlineData("令和0年5月1日")]
    [InlineData("光文3年1月1日")]               // not an era
    [InlineData("令和7年10月1日現在")]          // one date only, nothing around it
    public void Anything_else_is_not_a_date(string? text) =>
        Assert.False(Wareki.TryParse(text, out _));

    [Theory]
    [InlineData(2026, 11, 22)]
    [InlineData(2019, 5, 1)]
    [InlineData(1989, 1, 7)]
    [InlineData(1926, 12, 25)]
    public void Formatting_and_parsing_agree(int y, int m, int d)
    {
        var date = new DateOnly(y, m, d);
        Assert.True(Wareki.TryParse(Wareki.FormatDate(date), out var back));
        Assert.Equal(date, back);
    }
}
