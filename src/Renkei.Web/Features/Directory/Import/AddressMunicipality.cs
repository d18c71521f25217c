using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// Finds the municipality an address lies in from the name at its start, for sources without a
/// municipality code. Addresses are written as lists of one prefecture write them: often without the
/// prefecture, with a 郡 before a town ("八頭郡八頭町…", "鳥取県西伯郡伯耆町…"), or with a designated
/// city's ward ("浜松市中央区…"). The longest matching name wins (a ward over its city); when two
/// municipalities fit, or none does, the reason is returned instead of a guess.
/// </summary>
public sealed class AddressMunicipality
{
    public sealed record Place(string Code, string Name, string PrefectureCode);

    private sealed record Candidate(string Key, Place Place);

    // A 郡 name is one to five characters ("日野郡", "西津軽郡"); a 郡 further into the address is a street name.
    private const int MaxCountyNameLength = 5;

    private readonly Dictionary<string, (string Name, string Key)> _prefectures;
    private readonly Dictionary<string, List<Candidate>> _byPrefecture;
    private readonly HashSet<string> _codes;

    public AddressMunicipality(IEnumerable<(string Code, string Name)> prefectures, IEnumerable<Place> municipalities)
    {
        _prefectures = prefectures.ToDictionary(p => p.Code, p => (p.Name, JapaneseText.SearchKey(p.Name)));
        var places = municipalities.ToList();
        _codes = places.Select(m => m.Code).ToHashSet();
        _byPrefecture = places.GroupBy(m => m.PrefectureCode)
            .ToDictionary(g => g.Key, g => g.Select(m => new Candidate(JapaneseText.SearchKey(m.Name), m)).Where(c => c.Key.Length > 0).ToList());
    }

    public static async Task<AddressMunicipality> LoadAsync(RenkeiDb db, CancellationToken ct = default)
    {
        var prefectures = await db.Prefectures.AsNoTracking().Select(p => new { p.Code, p.Name }).ToListAsync(ct);
        var municipalities = await db.Municipalities.AsNoTracking().Select(m => new Place(m.Code, m.Name, m.PrefectureCode)).ToListAsync(ct);
        return new AddressMunicipality(prefectures.Select(p => (p.Code, p.Name)), municipalities);
    }

    public bool IsPrefecture(string code) => _prefectures.ContainsKey(code);

    public bool IsMunicipality(string code) => _codes.Contains(code);

    /// <summary>The 6-digit code of the municipality at the start of the address, or null and the Japanese reason.</summary>
    public (string? Code, string? Problem) Find(string prefectureCode, string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return (null, "所在地が空です。");
        if (!_prefectures.TryGetValue(prefectureCode, out var prefecture) || !_byPrefecture.TryGetValue(prefectureCode, out var candidates))
            return (null, $"都道府県コード「{prefectureCode}」の市区町村がわかりません。");
        var key = JapaneseText.SearchKey(address);
        if (key.StartsWith(prefecture.Key, StringComparison.Ordinal)) key = key[prefecture.Key.Length..];
        var starts = new List<int> { 0 };
        var county = key.IndexOf('郡', StringComparison.Ordinal);
        if (county is > 0 and <= MaxCountyNameLength) starts.Add(county + 1);
        var found = starts.SelectMany(start => Longest(candidates, key, start)).Distinct().ToList();
        return found switch
        {
            [var one] => (one.Code, null),
            [] => (null, $"所在地「{address.Trim()}」の書き出しが{prefecture.Name}の市区町村名と一致しません。"),
            _ => (null, $"所在地「{address.Trim()}」の市区町村を一つに決められません（{string.Join("、", found.Select(f => f.Name))}）。"),
        };
    }

    // Every place whose name is the longest one the address continues with from `start` (two only when two share a name).
    private static IEnumerable<Place> Longest(List<Candidate> candidates, string key, int start)
    {
        var matches = candidates.Where(c => key.AsSpan(start).StartsWith(c.Key, StringComparison.Ordinal)).ToList();
        if (matches.Count == 0) return [];
        var length = matches.Max(c => c.Key.Length);
        return matches.Where(c => c.Key.Length == length).Select(c => c.Place);
    }
}
