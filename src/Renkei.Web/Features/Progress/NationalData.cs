using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Progress;

/// <summary>One prefecture in the national view: its latest round up to the chosen date and that round's summary.</summary>
public sealed record NationalRow(string PrefectureCode, string PrefectureName, ProgressRound Round, ProgressSummary Summary);

/// <summary>
/// The national view: every prefecture of the installation that has a round, each with its latest round (by
/// 時点, the newer one on a tie). The national summary is computed over all their municipalities at once, not
/// averaged from the prefectures' averages, so a big prefecture weighs as many municipalities as it has.
/// </summary>
public sealed class NationalData
{
    public required IReadOnlyList<NationalRow> Rows { get; init; }
    public required ProgressSummary Summary { get; init; }
    public DateOnly? AsOf { get; init; }
    public bool IncludesSample => Rows.Any(r => r.Round.IsSample);

    public static async Task<NationalData> LoadAsync(RenkeiDb db, DateOnly? asOf, CancellationToken ct)
    {
        var rounds = await db.ProgressRounds.AsNoTracking().Where(r => asOf == null || r.AsOf <= asOf).ToListAsync(ct);
        var latest = rounds.GroupBy(r => r.PrefectureCode)
            .Select(g => g.OrderByDescending(r => r.AsOf).ThenByDescending(r => r.Id).First())
            .OrderBy(r => r.PrefectureCode, StringComparer.Ordinal).ToList();
        var prefectures = latest.Select(r => r.PrefectureCode).ToList();
        var names = await db.Prefectures.AsNoTracking().Where(p => prefectures.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Name, ct);
        var municipalities = await SummaryLoader.MunicipalitiesAsync(db, prefectures, ct);
        var areas = await SummaryLoader.AreaNamesAsync(db, prefectures, ct);
        var entries = await SummaryLoader.EntriesAsync(db, latest, municipalities, ct);
        return new NationalData
        {
            Rows = [.. latest.Select(r => new NationalRow(r.PrefectureCode, names[r.PrefectureCode], r, ProgressSummary.Compute(entries[r.Id], areas)))],
            Summary = ProgressSummary.Compute(latest.SelectMany(r => entries[r.Id]), areas),
            AsOf = asOf,
        };
    }

    public IReadOnlyList<SummaryTable> Tables() =>
    [
        Prefectures(), SummaryTables.Items(Summary), SummaryTables.Distribution(Summary), SummaryTables.Bands(Summary),
        SummaryTables.BandItems(Summary), SummaryTables.Stages(Summary), SummaryTables.Training(Summary), SummaryTables.SupportAny(Summary),
    ];

    /// <summary>One row per prefecture, and the national row computed over all municipalities.</summary>
    public SummaryTable Prefectures()
    {
        IEnumerable<object?> Items(ProgressSummary s) => ProgramItems.All.SelectMany(i => new object?[] { s.Of(i).Running, ProgressSummary.Percent(s.Of(i).Running, s.Municipalities) });
        return new SummaryTable("prefectures", "都道府県別の実施状況（最新の調査）",
            [new("code", "都道府県コード", CellKind.Text), new("name", "都道府県", CellKind.Text), new("round", "調査", CellKind.Text), new("as-of", "時点", CellKind.Text),
             new("n", "市町村数"), new("answered", "回答"), new("submitted", "提出済"), new("average", "平均実施数", CellKind.Average),
             .. ProgramItems.All.SelectMany(i => new[] { new SummaryColumn(i.Slug(), i.Label() + "実施中"), new SummaryColumn(i.Slug() + "-pct", i.Label() + "実施中(%)", CellKind.Percent) })],
            [.. Rows.Select(r => new SummaryRow(r.PrefectureCode,
                [r.PrefectureCode, r.PrefectureName, r.Round.Title + (r.Round.IsSample ? "（サンプル）" : ""), r.Round.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                 r.Summary.Municipalities, r.Summary.Answered, r.Summary.Submitted, r.Summary.Average, .. Items(r.Summary)])),
             new SummaryRow("total", ["", "全国計", "", "", Summary.Municipalities, Summary.Answered, Summary.Submitted, Summary.Average, .. Items(Summary)], true)],
            "全国計は全市町村をまとめて集計した値です（都道府県の平均の平均ではありません）。");
    }
}
