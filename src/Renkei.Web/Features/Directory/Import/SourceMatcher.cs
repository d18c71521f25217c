using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>A pair the matcher could not decide: the row becomes a new provider, and staff review the pair.</summary>
public sealed record UncertainMatch(ImportedProvider Row, int CandidateId, string CandidateLabel, string Reason);

/// <summary>What the matcher decided for the rows no identifier placed: certain pairs, and pairs for review.</summary>
public sealed record MatchResult(Dictionary<ImportedProvider, int> Certain, List<UncertainMatch> Uncertain);

/// <summary>
/// One provider, many sources: a facility that a file lists under its own identifier (e.g. a 厚生局
/// 医療機関コード) may already be in the directory from another source (e.g. its 医療情報ネット ID).
/// A row is matched to an existing provider of another source in the same municipality when the
/// normalised addresses agree and the normalised names agree (equal, or one ends with the other: one
/// source prefixes the 法人 name). Anything less certain becomes a new provider — a wrong merge is worse
/// than a duplicate staff can see — and, when the pair shares the name, the address or the phone number,
/// it goes to the review queue (<see cref="MatchReview"/>) where staff merge it or keep it apart.
/// A 介護サービス is one service of a 事業所: a row is compared only with providers of its own service (or with none
/// recorded), never with the 事業所's other services, which share its name and address but are providers of their own.
/// </summary>
public sealed partial class SourceMatcher(RenkeiDb db)
{
    private sealed record Candidate(int Id, string? ServiceCode, string Label, string Name, string Address, string? Phone);

    public async Task<MatchResult> MatchAsync(ImportFile file, IReadOnlyList<ImportedProvider> unmatched, CancellationToken ct)
    {
        var result = new MatchResult([], []);
        var municipalities = unmatched.Select(r => r.Fields.GetValueOrDefault("MunicipalityCode")).Where(m => m is not null).Distinct().ToList();
        var kinds = unmatched.Select(r => r.Kind).Distinct().ToList();
        var services = unmatched.Select(r => r.ServiceCode).Where(c => c is not null).Distinct().ToList();
        if (municipalities.Count == 0) return result;
        var pool = new List<(string Municipality, Candidate Candidate)>();
        foreach (var chunk in municipalities.Chunk(2000))
        {
            // One array parameter, not a parameter per code (see DirectoryImporter.LoadAsync).
            var rows = await db.Providers.AsNoTracking()
                .Where(p => p.MunicipalityCode != null && EF.Parameter(chunk).Contains(p.MunicipalityCode) && kinds.Contains(p.Kind))
                .Where(p => p.ServiceCode == null || services.Contains(p.ServiceCode))
                .Where(p => !p.Identifiers.Any(i => i.Scheme == file.Slice.Scheme))
                .Select(p => new { p.Id, p.MunicipalityCode, p.ServiceCode, p.Name, p.Address, p.Phone })
                .ToListAsync(ct);
            pool.AddRange(rows.Select(r => (r.MunicipalityCode!,
                new Candidate(r.Id, r.ServiceCode, $"{r.Name}（{r.Address}）", JapaneseText.SearchKey(r.Name), AddressKey(r.Address), PhoneKey(r.Phone)))));
        }
        var byMunicipality = pool.ToLookup(p => p.Municipality, p => p.Candidate);
        var taken = new HashSet<int>();
        foreach (var row in unmatched)
        {
            var muni = row.Fields.GetValueOrDefault("MunicipalityCode");
            if (muni is null) continue;
            var candidates = byMunicipality[muni].Where(c => !taken.Contains(c.Id) && (c.ServiceCode is null || c.ServiceCode == row.ServiceCode)).ToList();
            if (candidates.Count == 0) continue; // most rows of a first import: no need to normalise their texts
            var name = JapaneseText.SearchKey(row.Fields.GetValueOrDefault("Name"));
            var address = AddressKey(row.Fields.GetValueOrDefault("Address"));
            var phone = PhoneKey(row.Fields.GetValueOrDefault("Phone"));
            var sure = candidates.Where(c => SameAddress(c.Address, address) && SameName(c.Name, name)).ToList();
            if (sure.Count == 1)
            {
                result.Certain[row] = sure[0].Id;
                taken.Add(sure[0].Id);
                continue;
            }
            foreach (var c in candidates)
                if (Doubt(c, name, address, phone, ambiguous: sure.Count > 1) is { } reason)
                    result.Uncertain.Add(new UncertainMatch(row, c.Id, c.Label, reason));
        }
        return result;
    }

    /// <summary>Why a pair that is not certain may still be one facility, or null when nothing suggests it.</summary>
    private static string? Doubt(Candidate c, string name, string address, string? phone, bool ambiguous)
    {
        var sameAddress = SameAddress(c.Address, address);
        var sameName = SameName(c.Name, name);
        if (ambiguous && sameAddress && sameName) return "名称・住所が一致する候補が複数あります";
        if (sameName) return "名称が一致（住所が異なる）";
        if (sameAddress && SharedStem(c.Name, name)) return "住所が一致（名称が一部一致）";
        if (phone is not null && phone == c.Phone) return "電話番号が一致";
        return null;
    }

    /// <summary>Digits only, so "0857-22-2346" and "0857222346" agree; null when too short to mean anything.</summary>
    private static string? PhoneKey(string? phone)
    {
        var digits = new string(JapaneseText.NormalizeKC(phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 9 ? digits : null;
    }

    /// <summary>Names sharing their first four characters, or one containing the other ("鳥取赤十字病院" / "鳥取赤十字").</summary>
    private static bool SharedStem(string a, string b) =>
        a.Length >= 4 && b.Length >= 4 && (a[..4] == b[..4] || a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal));

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
