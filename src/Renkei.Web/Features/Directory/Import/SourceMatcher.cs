using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// One provider, many sources: a facility that a file lists under its own identifier (e.g. a 厚生局
/// 医療機関コード) may already be in the directory from another source (e.g. its 医療情報ネット ID).
/// A row is matched to an existing provider of another source in the same municipality when the
/// normalised addresses agree and the normalised names agree (equal, or one ends with the other: one
/// source prefixes the 法人 name). Anything less certain becomes a new provider — a wrong merge is worse
/// than a duplicate staff can see.
/// </summary>
public sealed partial class SourceMatcher(RenkeiDb db)
{
    private sealed record Candidate(int Id, string Name, string Address, IdentifierScheme[] Schemes);

    public async Task<Dictionary<ImportedProvider, int>> MatchAsync(ImportFile file, IReadOnlyList<ImportedProvider> unmatched, CancellationToken ct)
    {
        var result = new Dictionary<ImportedProvider, int>();
        var municipalities = unmatched.Select(r => r.Fields.GetValueOrDefault("MunicipalityCode")).Where(m => m is not null).Distinct().ToList();
        var kinds = unmatched.Select(r => r.Kind).Distinct().ToList();
        if (municipalities.Count == 0) return result;
        var pool = new List<(string Municipality, Candidate Candidate)>();
        foreach (var chunk in municipalities.Chunk(200))
        {
            var rows = await db.Providers.AsNoTracking()
                .Where(p => p.MunicipalityCode != null && chunk.Contains(p.MunicipalityCode) && kinds.Contains(p.Kind))
                .Select(p => new { p.Id, p.MunicipalityCode, p.Name, p.Address, Schemes = p.Identifiers.Select(i => i.Scheme).ToList() })
                .ToListAsync(ct);
            pool.AddRange(rows.Where(r => !r.Schemes.Contains(file.Slice.Scheme))
                .Select(r => (r.MunicipalityCode!, new Candidate(r.Id, JapaneseText.SearchKey(r.Name), AddressKey(r.Address), [.. r.Schemes]))));
        }
        var byMunicipality = pool.ToLookup(p => p.Municipality, p => p.Candidate);
        var taken = new HashSet<int>();
        foreach (var row in unmatched)
        {
            var muni = row.Fields.GetValueOrDefault("MunicipalityCode");
            if (muni is null) continue;
            var name = JapaneseText.SearchKey(row.Fields.GetValueOrDefault("Name"));
            var address = AddressKey(row.Fields.GetValueOrDefault("Address"));
            var matches = byMunicipality[muni].Where(c => !taken.Contains(c.Id) && SameAddress(c.Address, address) && SameName(c.Name, name)).ToList();
            if (matches.Count != 1) continue; // none, or ambiguous: keep them apart
            result[row] = matches[0].Id;
            taken.Add(matches[0].Id);
        }
        return result;
    }

    /// <summary>
    /// The address as sources agree on it: normalised (漢数字, 丁目・番地 ↔ hyphens), without the prefecture,
    /// without 大字/字, and cut after the last number (one source appends the building or facility name).
    /// </summary>
    public static string AddressKey(string? address)
    {
        var a = Prefecture().Replace(JapaneseText.NormalizeAddress(address), "").Replace("大字", "", StringComparison.Ordinal);
        var upToNumber = UpToLastNumber().Match(a);
        return upToNumber.Success ? upToNumber.Value : a;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^(北海道|東京都|京都府|大阪府|.{2,3}県)")]
    private static partial System.Text.RegularExpressions.Regex Prefecture();

    [System.Text.RegularExpressions.GeneratedRegex(@"^.*\d")]
    private static partial System.Text.RegularExpressions.Regex UpToLastNumber();

    private static bool SameAddress(string a, string b) =>
        a.Length >= 4 && b.Length >= 4 && (a == b || a.EndsWith(b, StringComparison.Ordinal) || b.EndsWith(a, StringComparison.Ordinal));

    private static bool SameName(string a, string b) =>
        a.Length >= 2 && b.Length >= 2 && (a == b || a.EndsWith(b, StringComparison.Ordinal) || b.EndsWith(a, StringComparison.Ordinal));
}
