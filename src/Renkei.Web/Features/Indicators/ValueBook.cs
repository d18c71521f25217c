using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Indicators;

/// <summary>
/// The values, targets and live counts loaded for one question, and the rules that turn them into results.
/// Missing is no row and stays missing: nothing here ever substitutes zero.
/// </summary>
internal sealed class ValueBook(
    Dictionary<int, DataElement> elements, List<DataValue> values, List<IndicatorTarget> targets, DirectoryFigures figures, int currentYear)
{
    private readonly Dictionary<(string, int, int), DataValue> _values = values.ToDictionary(v => (v.MunicipalityCode, v.DataElementId, v.FiscalYear));
    private readonly Dictionary<(string, int, int), IndicatorTarget> _targets = targets.ToDictionary(t => (t.MunicipalityCode, t.IndicatorId, t.FiscalYear));

    public bool UsesManual(Indicator i) => Elements(i).Any(e => e.Kind == ElementKind.Manual);

    public IndicatorResult Evaluate(Indicator indicator, string municipality, int year)
    {
        var numerator = Value(elements[indicator.NumeratorId], municipality, year);
        var denominator = indicator.DenominatorId is { } d ? Value(elements[d], municipality, year) : null;
        var result = IndicatorFormula.Evaluate(numerator.Value, denominator is not null, denominator?.Value, indicator.Factor);
        var target = _targets.GetValueOrDefault((municipality, indicator.Id, year));
        return new IndicatorResult(indicator, year, result, numerator, denominator, target, IndicatorResult.Judge(result, target?.Value, indicator.HigherIsBetter));
    }

    /// <summary>The prefecture's figure: computed elements counted over the prefecture; manual ones summed, and only when every municipality has one.</summary>
    public FormulaResult EvaluatePrefecture(Indicator indicator, IReadOnlyList<string> municipalities, int year)
    {
        decimal? Total(DataElement e)
        {
            if (e.Kind == ElementKind.Computed && year == currentYear) return figures.Value(ComputedRule.Parse(e.Rule), null).Value;
            var each = municipalities.Select(m => Value(e, m, year).Value).ToList();
            return each.Any(v => v is null) ? null : each.Sum(v => v!.Value);
        }
        var denominator = indicator.DenominatorId is { } d ? Total(elements[d]) : null;
        return IndicatorFormula.Evaluate(Total(elements[indicator.NumeratorId]), indicator.DenominatorId is not null, denominator, indicator.Factor);
    }

    public ElementValue Value(DataElement element, string municipality, int year)
    {
        // The current 年度 of a computed element is always counted afresh, so it follows the directory.
        if (element.Kind == ElementKind.Computed && year == currentYear)
        {
            var live = figures.Value(ComputedRule.Parse(element.Rule), municipality);
            return new ElementValue(element, live.Value, live.Provenance, null, false, true);
        }
        if (_values.TryGetValue((municipality, element.Id, year), out var stored))
            return new ElementValue(element, stored.Value, Describe(stored), stored.Origin, stored.IsSample, false);
        return new ElementValue(element, null, element.Kind == ElementKind.Computed ? "この年度の記録なし" : "未入力", null, false, false);
    }

    private static string Describe(DataValue v) => v.Origin switch
    {
        // A snapshot keeps the provenance it had when it was recorded.
        ValueOrigin.Snapshot => $"{v.Note}（{JapanTime.Format(v.UpdatedAtUtc)} に記録）",
        ValueOrigin.Import => $"ファイル取込（{v.UpdatedBy}、{JapanTime.Format(v.UpdatedAtUtc)}）",
        _ => $"手入力（{v.UpdatedBy}、{JapanTime.Format(v.UpdatedAtUtc)}）",
    };

    private IEnumerable<DataElement> Elements(Indicator i) =>
        new[] { (int?)i.NumeratorId, i.DenominatorId }.OfType<int>().Select(id => elements[id]);
}
