using Renkei.Web.Features.Indicators;

namespace Renkei.Tests.Indicators;

public sealed class IndicatorFormulaTests
{
    [Fact]
    public void Numerator_over_denominator_times_factor()
    {
        var r = IndicatorFormula.Evaluate(12, true, 30000, 10000);
        Assert.Equal(FormulaStatus.Value, r.Status);
        Assert.Equal(4m, r.Value);
    }

    [Fact]
    public void Without_a_denominator_the_value_is_the_numerator_times_the_factor()
    {
        Assert.Equal(7m, IndicatorFormula.Evaluate(7, false, null, 1).Value);
        Assert.Equal(700m, IndicatorFormula.Evaluate(7, false, null, 100).Value);
    }

    [Theory]
    [InlineData(null, 100.0)]
    [InlineData(5.0, null)]
    [InlineData(null, null)]
    public void A_missing_input_gives_missing_never_zero(double? numerator, double? denominator)
    {
        var r = IndicatorFormula.Evaluate((decimal?)numerator, true, (decimal?)denominator, 100);
        Assert.Equal(FormulaStatus.Missing, r.Status);
        Assert.Null(r.Value);
        Assert.Equal("未入力", r.Display());
    }

    [Fact]
    public void A_zero_denominator_is_its_own_result()
    {
        var r = IndicatorFormula.Evaluate(3, true, 0, 100);
        Assert.Equal(FormulaStatus.DivisionByZero, r.Status);
        Assert.Equal("計算不可（分母が0）", r.Display());
        // Zero over zero is still not computable, and a zero numerator over a real denominator is a real zero.
        Assert.Equal(FormulaStatus.DivisionByZero, IndicatorFormula.Evaluate(0, true, 0, 100).Status);
        Assert.Equal(0m, IndicatorFormula.Evaluate(0, true, 40, 100).Value);
    }

    [Fact]
    public void Full_precision_is_kept_and_rounding_happens_only_for_display()
    {
        var r = IndicatorFormula.Evaluate(1, true, 3, 100);
        Assert.True(r.Value > 33.333333m && r.Value < 33.333334m);
        Assert.Equal("33.3", r.Display());
        Assert.Equal("33.33", r.Display(2));
        Assert.Equal("2.5", IndicatorFormula.Format(2.45m));   // half away from zero
        Assert.Equal("12", IndicatorFormula.Format(12.04m));   // whole numbers without ".0"
        Assert.Equal("24,310", IndicatorFormula.Format(24310m));
    }

    [Theory]
    [InlineData(80.0, 85.0, true, Achievement.NotAchieved)]
    [InlineData(85.0, 85.0, true, Achievement.Achieved)]
    [InlineData(10.0, 12.0, false, Achievement.Achieved)]
    [InlineData(80.0, null, true, Achievement.NoTarget)]
    [InlineData(null, 85.0, true, Achievement.NoData)]
    [InlineData(80.0, 85.0, null, Achievement.NotJudged)]
    public void Achievement_against_the_target(double? value, double? target, bool? higherIsBetter, Achievement expected)
    {
        var result = value is null ? FormulaResult.Missing : new FormulaResult(FormulaStatus.Value, (decimal)value);
        Assert.Equal(expected, IndicatorResult.Judge(result, (decimal?)target, higherIsBetter));
    }

    [Theory]
    [InlineData("2024", 2024)]
    [InlineData("令和6年度", 2024)]
    [InlineData("令和元年度", 2019)]
    [InlineData("２０２３", 2023)]
    [InlineData("R6", null)]
    [InlineData("", null)]
    public void Import_years_in_western_or_japanese_form(string text, int? expected) => Assert.Equal(expected, ValueImport.ParseYear(text));

    [Theory]
    [InlineData("1,234", 1234.0)]
    [InlineData("１２.５", 12.5)]
    [InlineData("abc", null)]
    [InlineData("1e3", null)]
    public void Import_values(string text, double? expected) => Assert.Equal((decimal?)expected, ValueImport.ParseValue(text));
}
