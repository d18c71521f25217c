using System.Data;
using System.Globalization;
using Renkei.Web.Features.Indicators;
using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Text;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Pdca.Report;

/// <summary>The annual report as workbook sheets: 事業項目 (one row per activity or countermeasure), 会議, 評価指標.</summary>
public static class AnnualReportSheets
{
    public static List<DataTable> Build(AnnualReport.Data d)
    {
        var items = d.Items.SelectMany(s =>
            s.Activities.Select(a => new string?[] { s.Item.Label() + s.Item.Title(), s.Arrangement, "実績", a, null, null })
            .Concat(s.Countermeasures.Select(c => new string?[]
            {
                s.Item.Label() + s.Item.Title(), s.Arrangement, "対応策", c.Title + (c.Owner is null ? "" : $"（{c.Owner}）"),
                c.Status.Japanese(), c.Evaluation is { } e ? e.Japanese() + (c.EvaluationText is null ? "" : "：" + c.EvaluationText) : "未評価",
            }))
            .DefaultIfEmpty([s.Item.Label() + s.Item.Title(), s.Arrangement, "—", "この年度の記録はありません", null, null]));
        var meetings = d.Meetings.Select(m => new string?[] { Wareki.FormatDate(m.HeldOn), m.Council, m.Title, m.Attendees.ToString(CultureInfo.InvariantCulture) });
        var indicators = d.Indicators.Select(r => new string?[]
        {
            r.Indicator.Type.Japanese(), r.Indicator.Category, r.Indicator.Name, r.Result.Display(), r.Indicator.Unit,
            r.Target is { } t ? IndicatorFormula.Format(t.Value) : null, IndicatorResult.Japanese(r.Achievement),
            r.IsSample || r.Target?.IsSample == true ? "サンプル" : null, r.Provenance,
        });
        return
        [
            XlsxTable.Of("事業項目", ["事業項目", "実施体制", "区分", "内容", "状況", "評価"], items),
            XlsxTable.Of("会議", ["開催日", "会議体", "会議名", "出席者数"], meetings),
            XlsxTable.Of("評価指標", ["種類", "分類", "指標", "実績", "単位", "目標", "評価", "注記", "出典"], indicators),
        ];
    }
}
