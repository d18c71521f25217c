using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Indicators;

public enum Achievement
{
    NoTarget = 1,    // 目標なし
    NoData = 2,      // 実績なし（未入力・計算不可）
    Achieved = 3,    // 達成
    NotAchieved = 4, // 未達成
    NotJudged = 5,   // 方向（高いほど良い／低いほど良い）が決まっていない指標
}

/// <summary>One data element's value for a municipality and 年度, with where it came from.</summary>
public sealed record ElementValue(DataElement Element, decimal? Value, string Provenance, ValueOrigin? Origin, bool IsSample, bool Live);

/// <summary>An indicator for one municipality and 年度: value, target, whether reached, and the inputs behind it.</summary>
public sealed record IndicatorResult(
    Indicator Indicator, int FiscalYear, FormulaResult Result, ElementValue Numerator, ElementValue? Denominator,
    IndicatorTarget? Target, Achievement Achievement)
{
    /// <summary>Invented for the demo: the value rests on a sample input.</summary>
    public bool IsSample => Numerator.IsSample || Denominator?.IsSample == true;

    /// <summary>Where the inputs came from, e.g. 「資源名簿（…）／住民基本台帳人口 2025年1月1日」.</summary>
    public string Provenance => string.Join("／", new[] { Numerator.Provenance, Denominator?.Provenance }.OfType<string>().Distinct());

    public string YearText => Wareki.FormatFiscalYear(FiscalYear);

    public static Achievement Judge(FormulaResult result, decimal? target, bool? higherIsBetter) =>
        target is null ? Achievement.NoTarget
        : !result.HasValue ? Achievement.NoData
        : higherIsBetter is null ? Achievement.NotJudged
        : (higherIsBetter.Value ? result.Value >= target : result.Value <= target) ? Achievement.Achieved
        : Achievement.NotAchieved;

    public static string Japanese(Achievement a) => a switch
    {
        Achievement.Achieved => "達成",
        Achievement.NotAchieved => "未達成",
        Achievement.NoData => "実績なし",
        Achievement.NotJudged => "判定なし",
        _ => "目標なし",
    };
}

/// <summary>One municipality (or the prefecture) in a comparison; Hidden when the caller may not read its manual values.</summary>
public sealed record ComparisonRow(string Code, string Name, bool IsSelf, bool IsPrefecture, bool Hidden, FormulaResult Result, decimal? Population75Plus)
{
    public string Display(int decimals = 1) => Hidden ? "非公開" : Result.Display(decimals);
}

public static class IndicatorTypeNames
{
    public static string Japanese(this IndicatorType t) => t switch
    {
        IndicatorType.Structure => "ストラクチャー指標",
        IndicatorType.Process => "プロセス指標",
        _ => "アウトカム指標",
    };
}
