using Renkei.Web.Features.Program;

namespace Renkei.Web.Features.Progress;

/// <summary>The tables of a summary (seed 002's tables and the groupings the prefecture asked for), in <see cref="SummaryTable"/> form.</summary>
public static class SummaryTables
{
    private static decimal? Pct(int count, int of) => ProgressSummary.Percent(count, of);

    private static IEnumerable<SummaryColumn> ItemColumns(string suffix = "") =>
        ProgramItems.All.Select(i => new SummaryColumn(i.Slug(), i.Label() + suffix));

    public static SummaryTable Items(ProgressSummary s)
    {
        SummaryRow Row(string key, string label, ItemCounts c, bool total = false) => new(key,
        [
            label, c.Running, Pct(c.Running, c.Base), c.Planned, Pct(c.Planned, c.Base), c.RunningOrPlanned, Pct(c.RunningOrPlanned, c.Base),
            c.NotRunning, Pct(c.NotRunning, c.Base), c.Unanswered, Pct(c.Unanswered, c.Base), c.Base,
        ], total);
        return new SummaryTable("items", "（ア）～（ク）毎の実施状況",
        [
            new("item", "事業項目", CellKind.Text), new("running", "実施中"), new("running-pct", "実施中(%)", CellKind.Percent),
            new("planned", "年度内実施予定"), new("planned-pct", "年度内実施予定(%)", CellKind.Percent),
            new("sum", "実施中+予定"), new("sum-pct", "実施中+予定(%)", CellKind.Percent),
            new("not-running", "未実施"), new("not-running-pct", "未実施(%)", CellKind.Percent),
            new("unanswered", "未回答"), new("unanswered-pct", "未回答(%)", CellKind.Percent), new("n", "n"),
        ],
        [.. s.Items.Select(c => Row(c.Item!.Value.Slug(), SummaryText.ItemHeading(c.Item.Value), c)), Row("total", $"計（延べ：{ProgressSummary.ItemCount}項目×{s.Municipalities}市町村）", s.Total, true)],
        $"n = {s.Municipalities}（市町村数）。割合は n に対する百分率。");
    }

    public static SummaryTable Distribution(ProgressSummary s) => new("distribution", "実施している項目数の分布",
        [new("running", "実施している項目数", CellKind.Text), new("count", "市町村数"), new("pct", "割合(%)", CellKind.Percent)],
        [
            .. s.Distribution.Select((count, i) => new SummaryRow(i.ToString(System.Globalization.CultureInfo.InvariantCulture), [SummaryText.RunningLabel(i), count, Pct(count, s.Municipalities)])),
            new SummaryRow("unanswered", ["未回答", s.NotAnswered, Pct(s.NotAnswered, s.Municipalities)]),
            new SummaryRow("total", ["計", s.Municipalities, Pct(s.Municipalities, s.Municipalities)], true),
        ],
        $"平均実施数 {SummaryText.Format(s.Average, CellKind.Average) ?? "—"}（回答のあった {s.Answered} 市町村の平均）");

    private static IEnumerable<SummaryColumn> GroupHead(string first) =>
        [new("name", first, CellKind.Text), new("n", "市町村数"), new("answered", "回答"), new("average", "平均実施数", CellKind.Average)];

    public static SummaryTable Bands(ProgressSummary s) => new("bands", "人口規模別 実施している項目数の分布",
        [.. GroupHead("人口規模"), .. Enumerable.Range(0, ProgressSummary.ItemCount + 1).Select(i => new SummaryColumn($"r{i}", $"{i}項目")), new("unanswered", "未回答")],
        [.. s.Bands.Select(g => new SummaryRow(g.Key, [g.Name, g.Municipalities, g.Answered, g.Average, .. g.Distribution.Cast<object?>(), g.Municipalities - g.Answered])),
         Total(s.All, [.. s.All.Distribution.Cast<object?>(), s.NotAnswered])],
        "人口は住民基本台帳（2025年1月1日）。平均実施数は回答のあった市町村の平均。");

    public static SummaryTable BandItems(ProgressSummary s) => new("band-items", "人口規模別 項目ごとの実施中の市町村数",
        [new("name", "人口規模", CellKind.Text), new("n", "市町村数"), .. ItemColumns()],
        [.. s.Bands.Select(g => new SummaryRow(g.Key, [g.Name, g.Municipalities, .. Running(g)])),
         new SummaryRow("total", ["計", s.Municipalities, .. Running(s.All)], true)]);

    public static SummaryTable Areas(ProgressSummary s) => new("areas", "二次医療圏別の実施状況",
        [new("code", "二次医療圏コード", CellKind.Text), .. GroupHead("二次医療圏"), .. ItemColumns("実施中")],
        [.. s.Areas.Select(g => new SummaryRow(g.Key.Length == 0 ? "none" : g.Key, [g.Key, g.Name, g.Municipalities, g.Answered, g.Average, .. Running(g)])),
         new SummaryRow("total", ["", "計", s.Municipalities, s.Answered, s.Average, .. Running(s.All)], true)]);

    public static SummaryTable Stages(ProgressSummary s)
    {
        var st = s.Stages;
        SummaryRow Row(string key, string label, int count, bool total = false) => new(key, [label, count, Pct(count, st.Base)], total);
        return new SummaryTable("stages", "（イ）取組の段階",
            [new("stage", "取組の段階", CellKind.Text), new("count", "市町村数"), new("pct", "割合(%)", CellKind.Percent)],
            [Row("1", PdcaStage.Stage1.Japanese(), st.Stage1), Row("2", PdcaStage.Stage2.Japanese(), st.Stage2), Row("3", PdcaStage.Stage3.Japanese(), st.Stage3),
             Row("missing", "段階の記入なし", st.Missing), Row("total", "計", st.Base, true)],
            $"n = {st.Base}（（イ）を実施中または年度内実施予定の市町村）");
    }

    public static SummaryTable Training(ProgressSummary s)
    {
        var t = s.Training;
        return new SummaryTable("training", "（カ）研修内容",
            [new("kind", "研修の種類", CellKind.Text), new("yes", "実施している"), new("yes-pct", "実施している(%)", CellKind.Percent),
             new("no", "実施していない"), new("no-pct", "実施していない(%)", CellKind.Percent)],
            [.. ProgressText.TrainingKindList.Select(k => new SummaryRow(k.ToString(),
                [k.Japanese(), t.Running[k], Pct(t.Running[k], t.Base), t.Base - t.Running[k], Pct(t.Base - t.Running[k], t.Base)]))],
            $"n = {t.Base}（（カ）を実施中または年度内実施予定の市町村）");
    }

    public static SummaryTable Support(ProgressSummary s) => new("support", "委託と都道府県・保健所の支援（項目別）",
        [new("item", "事業項目", CellKind.Text), new("commissioned", "委託あり"), new("supported", "都道府県・保健所の支援あり")],
        [.. s.Items.Select(c => new SummaryRow(c.Item!.Value.Slug(), [SummaryText.ItemHeading(c.Item.Value), c.Commissioned, c.Supported])),
         new SummaryRow("total", ["計（延べ）", s.Total.Commissioned, s.Total.Supported], true)]);

    public static SummaryTable SupportAny(ProgressSummary s) => new("support-any", "都道府県・保健所の支援の有無（1項目以上）",
        [new("answer", "支援", CellKind.Text), new("count", "市町村数"), new("pct", "割合(%)", CellKind.Percent)],
        [new SummaryRow("yes", ["あり", s.SupportedAny, Pct(s.SupportedAny, s.Answered)]),
         new SummaryRow("no", ["なし", s.Answered - s.SupportedAny, Pct(s.Answered - s.SupportedAny, s.Answered)]),
         new SummaryRow("total", ["計", s.Answered, Pct(s.Answered, s.Answered)], true)],
        $"n = {s.Answered}（回答のあった市町村）。（ア）～（ク）のうち1つ以上で支援があった市町村を「あり」とします。");

    private static SummaryRow Total(GroupRow all, IEnumerable<object?> tail) =>
        new("total", [all.Name, all.Municipalities, all.Answered, all.Average, .. tail], true);

    private static IEnumerable<object?> Running(GroupRow g) => ProgramItems.All.Select(i => (object?)g.Running[i]);
}
