using Renkei.Tests.Support;
using Renkei.Web.Features.Directory;
using Renkei.Web.Platform.Text;
using static Renkei.Web.Features.Directory.Weekdays;

namespace Renkei.Tests.ResourceDirectory;

/// <summary>Open weekdays read from the texts the directory stores: real 利用可能曜日 values, 医療情報ネット closed days, hours.</summary>
public sealed class OpenWeekdaysTextTests
{
    private const Weekdays MonToFri = Monday | Tuesday | Wednesday | Thursday | Friday;

    // Every distinct 利用可能曜日 of the real files in /work/shared/data/kaigo-opendata, with the days it means.
    private static readonly Dictionary<string, Weekdays> CareValues = new()
    {
        ["平日"] = MonToFri,
        ["平日,土曜日"] = MonToFri | Saturday,
        ["平日,祝日"] = MonToFri | Holiday,
        ["平日,土曜日,祝日"] = MonToFri | Saturday | Holiday,
        ["平日,土曜日,日曜日,祝日"] = OpenWeekdaysText.Everyday,
        ["平日,日曜日,祝日"] = MonToFri | Sunday | Holiday,
        ["平日,土曜日,日曜日"] = MonToFri | Saturday | Sunday,
        ["平日,日曜日"] = MonToFri | Sunday,
        ["土曜日"] = Saturday,
    };

    [Fact]
    public void Every_real_care_value_is_read_and_none_is_missing_from_the_table()
    {
        var real = new HashSet<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Shared, "data", "kaigo-opendata"), "jigyosho_*.csv"))
        {
            var rows = CsvText.ReadFile(file).ToList();
            var column = rows[0].Fields.ToList().IndexOf("利用可能曜日");
            Assert.True(column >= 0, file);
            foreach (var row in rows.Skip(1).Where(r => r.Fields.Count > column)) real.Add(row.Fields[column].Trim());
        }
        Assert.Contains("", real); // blank: unknown
        Assert.Null(OpenWeekdaysText.FromOpenDays(""));
        real.Remove("");
        Assert.Equal(CareValues.Keys.Order(), real.Order());
        foreach (var (text, days) in CareValues)
        {
            Assert.Equal(days, OpenWeekdaysText.FromOpenDays(text));
            // As stored: the 特記事項 follows after a full-width space.
            Assert.Equal(days, OpenWeekdaysText.FromOpenDays(text + "　年末年始（12/30〜1/3）を除く"));
        }
    }

    [Theory]
    [InlineData("休診: 土・日・祝日", MonToFri)]
    [InlineData("休診: 日・祝日、第2・第4土曜", MonToFri | Saturday)]
    [InlineData("休診: 木・日", Monday | Tuesday | Wednesday | Friday | Saturday | Holiday)]
    [InlineData("休診: なし", OpenWeekdaysText.Everyday)]
    [InlineData("休業: 日・祝日", MonToFri | Saturday)]
    public void Closed_days_of_the_medical_files_leave_the_other_days_open(string text, Weekdays open) =>
        Assert.Equal(open, OpenWeekdaysText.FromOpenDays(text));

    [Theory]
    [InlineData("内科 月〜金 9:00〜12:00・14:00〜17:00、土 9:00〜12:00", MonToFri | Saturday)]
    [InlineData("小児科・整形外科 月〜水・金 8:30〜12:30／歯科 受付 木 13:00〜15:00", MonToFri)]
    [InlineData("外科 日・祝 9:00〜12:00", Sunday | Holiday)]
    [InlineData("土日祝 ９：００～１２：００", Saturday | Sunday | Holiday)]
    [InlineData("祝日 9:00-12:00", Holiday)]
    [InlineData("月曜日〜水曜日 10:00〜16:00", Monday | Tuesday | Wednesday)]
    public void Days_followed_by_a_time_are_open(string hours, Weekdays open) =>
        Assert.Equal(open, OpenWeekdaysText.FromHours(hours));

    [Fact]
    public void The_hours_win_over_closed_days_and_anything_else_is_unknown()
    {
        Assert.Equal(MonToFri | Saturday, OpenWeekdaysText.Of("休診: 土・日・祝日", "内科 月〜土 9:00〜12:00"));
        Assert.Equal(MonToFri, OpenWeekdaysText.Of("休診: 土・日・祝日", "予約制"));
        Assert.Null(OpenWeekdaysText.Of("要相談", null));
        Assert.Null(OpenWeekdaysText.Of("休診: 不定休", ""));
        Assert.Null(OpenWeekdaysText.Of("年中無休　ただし年末年始を除く", "24時間対応"));
        Assert.Null(OpenWeekdaysText.Of(null, null));
    }
}
