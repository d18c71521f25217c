using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Progress;

/// <summary>
/// Builds the summary's entries from the database: one per municipality, whether it answered or not.
/// The denominators are the municipalities the caller may read (a health centre: the ones it covers), the same
/// set the tenant filter leaves the answers of, so a count and its base never come from different scopes.
/// </summary>
public static class SummaryLoader
{
    /// <summary>The municipalities a round of these prefectures asks: 市町村 and 特別区, not the wards of designated cities.</summary>
    public static async Task<List<SummaryMunicipality>> MunicipalitiesAsync(RenkeiDb db, IReadOnlyCollection<string> prefectures, CancellationToken ct)
    {
        var codes = prefectures.ToList();
        var all = await db.Municipalities.AsNoTracking()
            .Where(m => codes.Contains(m.PrefectureCode) && m.Kind != MunicipalityKind.Ward)
            .OrderBy(m => m.Code)
            .Select(m => new SummaryMunicipality(m.Code, m.Name, m.PrefectureCode, m.SecondaryAreaCode, m.Population, m.Latitude, m.Longitude))
            .ToListAsync(ct);
        return [.. all.Where(m => db.Scope.CanRead(m.Code))];
    }

    /// <summary>How many municipalities the prefecture's rounds ask in all, whoever is asking (to say 「管内 5 / 19」).</summary>
    public static Task<int> PrefectureSizeAsync(RenkeiDb db, string prefecture, CancellationToken ct) =>
        db.Municipalities.CountAsync(m => m.PrefectureCode == prefecture && m.Kind != MunicipalityKind.Ward, ct);

    public static async Task<Dictionary<string, string>> AreaNamesAsync(RenkeiDb db, IReadOnlyCollection<string> prefectures, CancellationToken ct)
    {
        var codes = prefectures.ToList();
        return await db.SecondaryAreas.AsNoTracking().Where(a => codes.Contains(a.PrefectureCode)).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
    }

    /// <summary>The entries of each round: every given municipality of the round's prefecture, with its answer if one is saved.</summary>
    public static async Task<Dictionary<int, List<SummaryEntry>>> EntriesAsync(
        RenkeiDb db, IReadOnlyCollection<ProgressRound> rounds, IReadOnlyCollection<SummaryMunicipality> municipalities, CancellationToken ct)
    {
        var ids = rounds.Select(r => r.Id).ToList();
        var responses = await db.ProgressResponses.AsNoTracking().Where(r => ids.Contains(r.RoundId))
            .Select(r => new { r.Id, r.RoundId, r.MunicipalityCode, Submitted = r.SubmittedAtUtc != null })
            .ToListAsync(ct);
        var answers = (await db.ProgressItemAnswers.AsNoTracking()
            .Join(db.ProgressResponses.Where(r => ids.Contains(r.RoundId)), a => a.ResponseId, r => r.Id, (a, r) => a)
            .Select(a => new { a.ResponseId, a.Item, a.Status, a.Stage, a.Training, a.Commissioned, a.PrefectureSupported })
            .ToListAsync(ct))
            .ToLookup(a => a.ResponseId, a => new SummaryAnswer(a.Item, a.Status, a.Stage, a.Training, a.Commissioned, a.PrefectureSupported));
        var byRound = responses.ToLookup(r => r.RoundId);
        var result = new Dictionary<int, List<SummaryEntry>>();
        foreach (var round in rounds)
        {
            var mine = byRound[round.Id].ToDictionary(r => r.MunicipalityCode, StringComparer.Ordinal);
            result[round.Id] = [.. municipalities.Where(m => m.PrefectureCode == round.PrefectureCode).Select(m => mine.TryGetValue(m.Code, out var r)
                ? new SummaryEntry(m, r.Submitted ? AnswerState.Submitted : AnswerState.Draft, [.. answers[r.Id]])
                : new SummaryEntry(m, AnswerState.None, []))];
        }
        return result;
    }
}
