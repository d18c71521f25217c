using System.Globalization;

namespace Renkei.Web.Features.Indicators;

public enum FormulaStatus
{
    Value = 1,          // a number
    Missing = 2,        // an input has no value: 未入力, never zero
    DivisionByZero = 3, // the denominator is zero: 計算不可（分母が0）
}

/// <summary>The outcome of an indicator's formula for one municipality and 年度.</summary>
public readonly record struct FormulaResult(FormulaStatus Status, decimal? Value)
{
    public static readonly FormulaResult Missing = new(FormulaStatus.Missing, null);
    public static readonly FormulaResult DivisionByZero = new(FormulaStatus.DivisionByZero, null);

    public bool HasValue => Status == FormulaStatus.Value;

    /// <summary>What a page or export shows: the rounded number, 「未入力」 or 「計算不可（分母が0）」.</summary>
    public string Display(int decimals = 1) => Status switch
    {
        FormulaStatus.Value => IndicatorFormula.Format(Value!.Value, decimals),
        FormulaStatus.DivisionByZero => "計算不可（分母が0）",
        _ => "未入力",
    };
}

/// <summary>
/// value = numerator ÷ denominator × factor (DHIS2's indicator). Computed at full decimal precision;
/// rounding happens only when a value is shown, so a comparison with a target is never off by rounding.
/// </summary>
public static class IndicatorFormula
{
    /// <param name="hasDenominator">False for a plain count (numerator × factor).</param>
    public static FormulaResult Evaluate(decimal? numerator, bool hasDenominator, decimal? denominator, decimal factor)
    {
        if (numerator is null) return FormulaResult.Missing;
        if (!hasDenominator) return new(FormulaStatus.Value, numerator.Value * factor);
        if (denominator is null) return FormulaResult.Missing;
        if (denominator.Value == 0) return FormulaResult.DivisionByZero;
        // Multiply first: 3 × 10000 ÷ 7 keeps more digits than 3 ÷ 7 × 10000.
        return new(FormulaStatus.Value, numerator.Value * factor / denominator.Value);
    }

    /// <summary>Half away from zero, as officials round (2.45 → 2.5), without trailing zeros for whole numbers.</summary>
    public static string Format(decimal value, int decimals = 1)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return rounded == decimal.Truncate(rounded)
            ? decimal.Truncate(rounded).ToString("#,0", CultureInfo.InvariantCulture)
            : rounded.ToString("#,0." + new string('0', decimals), CultureInfo.InvariantCulture);
    }
}
