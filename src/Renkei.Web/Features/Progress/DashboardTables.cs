using Renkei.Web.Features.Program;

namespace Renkei.Web.Features.Progress;

/// <summary>The dashboard's tables in page order: the ones of <see cref="SummaryTables"/> plus the per-municipality list and the trend.</summary>
public static class DashboardTables
{
    public static IReadOnlyList<SummaryTable> All(DashboardData d) =>
    [
        SummaryTables.Items(d.Summary), SummaryTables.Distribution(d.Summary), SummaryTables.Bands(d.Summary), SummaryTables.BandItems(d.Summary),
        SummaryTables.Areas(d.Summary), Municipalities(d.Summary, d.AreaNames), SummaryTables.Stages(d.Summary), SummaryTables.Training(d.Summary),
        SummaryTables.Support(d.Summary), SummaryTables.SupportAny(d.Summary), Trend(d.Trend),
    ];

    /// <summary>One row per municipality: the numbers behind the map and the drill-down lists.</summary>
    public static SummaryTable Municipalities(ProgressSummary s, IReadOnlyDictionary<string, string> areaNames) => new("municipalities", "市町村別の回答",
        [new("code", "団体コード", CellKind.Text), new("name", "市町村", CellKind.Text), new("area", "二次医療圏", CellKind.Text),
         new("population", "人口"), new("band", "人口規模", CellKind.Text), new("state", "回答", CellKind.Text),
         .. ProgramItems.All.Select(i => new SummaryColumn(i.Slug(), i.Label(), CellKind.Text)), new("running", "実施数")],
        [.. s.Entries.Select(e => new SummaryRow(e.Municipality.Code,
        [
            e.Municipality.Code, e.Municipality.Name, e.Municipality.AreaCode is { } a ? areaNames.GetValueOrDefault(a, a) : null,
            e.Municipality.Population, SummaryBands.Of(e.Municipality.Population).Label, e.State.Japanese(),
            .. ProgramItems.All.Select(i => (object?)e.Status(i).Japanese()), e.Answered ? e.RunningCount : null,
        ]))],
        "実施数は実施中の項目の数（未回答の市町村は空欄）。");

    /// <summary>Running counts per item over the prefecture's rounds, oldest first.</summary>
    public static SummaryTable Trend(IReadOnlyList<TrendPoint> trend) => new("trend", "調査ごとの推移（実施中の市町村数）",
        [new("title", "調査", CellKind.Text), new("as-of", "時点", CellKind.Text), new("n", "市町村数"), new("answered", "回答"),
         new("average", "平均実施数", CellKind.Average), .. ProgramItems.All.Select(i => new SummaryColumn(i.Slug(), i.Label() + "実施中"))],
        [.. trend.Select(t => new SummaryRow(t.Round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [
            t.Round.Title + (t.Round.IsSample ? "（サンプル）" : ""), t.Round.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            t.Summary.Municipalities, t.Summary.Answered, t.Summary.Average, .. ProgramItems.All.Select(i => (object?)t.Summary.Of(i).Running),
        ]))]);
}
