using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Progress;

/// <summary>One earlier or later round of the same prefecture beside its summary, for the trend.</summary>
public sealed record TrendPoint(ProgressRound Round, ProgressSummary Summary);

/// <summary>
/// Everything the dashboard of one round shows, loaded once for the page, the exports and the API.
/// The trend takes the prefecture's rounds of the same kind only: a sample round's invented figures never sit
/// in one line with real ones.
/// </summary>
public sealed class DashboardData
{
    public required ProgressRound Round { get; init; }
    public required ProgressSummary Summary { get; init; }
    public required IReadOnlyList<TrendPoint> Trend { get; init; }
    public required string PrefectureName { get; init; }
    /// <summary>All municipalities the prefecture's rounds ask; more than <see cref="ProgressSummary.Municipalities"/> when the caller covers only some.</summary>
    public required int PrefectureSize { get; init; }
    public required IReadOnlyDictionary<string, string> AreaNames { get; init; }

    public bool Partial => Summary.Municipalities < PrefectureSize;

    /// <summary>「対象: 19 市町村」 or, for a health centre, 「対象: 管内 5 市町村（鳥取県 19 市町村のうち）」.</summary>
    public string Scope => Partial
        ? $"対象: 管内 {Summary.Municipalities} 市町村（{PrefectureName} {PrefectureSize} 市町村のうち、閲覧できる市町村だけを集計）"
        : $"対象: {PrefectureName} {Summary.Municipalities} 市町村";

    public string Counted => $"集計対象: 回答あり {Summary.Answered} / {Summary.Municipalities} 市町村（うち提出済 {Summary.Submitted}、入力中 {Summary.Drafts}）";

    public static async Task<DashboardData> LoadAsync(RenkeiDb db, ProgressRound round, CancellationToken ct)
    {
        string[] pref = [round.PrefectureCode];
        var municipalities = await SummaryLoader.MunicipalitiesAsync(db, pref, ct);
        var areas = await SummaryLoader.AreaNamesAsync(db, pref, ct);
        var rounds = await db.ProgressRounds.AsNoTracking()
            .Where(r => r.PrefectureCode == round.PrefectureCode && r.IsSample == round.IsSample)
            .OrderBy(r => r.AsOf).ThenBy(r => r.Id).ToListAsync(ct);
        var entries = await SummaryLoader.EntriesAsync(db, rounds, municipalities, ct);
        var trend = rounds.Select(r => new TrendPoint(r, ProgressSummary.Compute(entries[r.Id], areas))).ToList();
        return new DashboardData
        {
            Round = round,
            Summary = trend.Single(t => t.Round.Id == round.Id).Summary,
            Trend = trend,
            PrefectureName = await db.Prefectures.Where(p => p.Code == round.PrefectureCode).Select(p => p.Name).SingleAsync(ct),
            PrefectureSize = await SummaryLoader.PrefectureSizeAsync(db, round.PrefectureCode, ct),
            AreaNames = areas,
        };
    }
}
