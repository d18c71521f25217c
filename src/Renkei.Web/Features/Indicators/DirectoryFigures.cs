using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Directory;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Indicators;

/// <summary>A computed element's value now, and where it came from; Value is null when the data are missing.</summary>
public sealed record ComputedValue(decimal? Value, string Provenance);

/// <summary>
/// Counts from Renkei's own data for one prefecture, read once per request: the listed directory entries
/// (kind, service, functions, municipality) and the 住民基本台帳 population of its municipalities.
/// A designated city counts its wards' entries. A directory count is missing, not zero, when the
/// prefecture has no entry of the kind at all: that means the source file was never imported (the demo,
/// for example, has no 居宅介護支援 file), and 0 would read as "there are none".
/// </summary>
public sealed class DirectoryFigures
{
    public const string PopulationSource = "住民基本台帳人口 2025年1月1日";

    private sealed record Entry(ProviderKind Kind, string? ServiceCode, string? Municipality, string[] Functions);

    private readonly List<Entry> _entries;
    private readonly Dictionary<string, Municipality> _municipalities;
    private readonly string _directorySource;

    private DirectoryFigures(List<Entry> entries, Dictionary<string, Municipality> municipalities, string directorySource) =>
        (_entries, _municipalities, _directorySource) = (entries, municipalities, directorySource);

    public string PrefectureCode { get; private init; } = "";

    public static async Task<DirectoryFigures> LoadAsync(RenkeiDb db, string prefectureCode, TimeProvider clock, CancellationToken ct = default)
    {
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => m.PrefectureCode == prefectureCode).ToDictionaryAsync(m => m.Code, ct);
        var rows = await db.Providers.AsNoTracking().Where(p => p.PrefectureCode == prefectureCode && p.Listed)
            .Select(p => new { p.Kind, p.ServiceCode, p.MunicipalityCode, Functions = p.Functions.Select(f => f.Code).ToList() })
            .ToListAsync(ct);
        var entries = rows.Select(r => new Entry(r.Kind, r.ServiceCode, r.MunicipalityCode, [.. r.Functions.Distinct()])).ToList();
        var source = $"資源名簿（{JapanTime.TodayJst(clock):yyyy/MM/dd} 時点、Renkei で集計）";
        return new DirectoryFigures(entries, municipalities, source) { PrefectureCode = prefectureCode };
    }

    /// <param name="municipalityCode">Null for the prefecture as a whole.</param>
    public ComputedValue Value(ComputedRule rule, string? municipalityCode)
    {
        if (rule.Source == RuleSource.Population) return Population(rule.Argument, municipalityCode);
        if (!_entries.Any(e => rule.Covers(e.Kind, e.ServiceCode, e.Functions)))
            return new(null, "資源名簿に県内の該当データがありません（未取込）");
        var count = _entries.Count(e => rule.Counts(e.Kind, e.ServiceCode, e.Functions) && Within(e.Municipality, municipalityCode));
        return new(count, _directorySource);
    }

    private bool Within(string? entryMunicipality, string? municipalityCode) =>
        municipalityCode is null || entryMunicipality == municipalityCode ||
        (entryMunicipality is not null && _municipalities.TryGetValue(entryMunicipality, out var m) && m.ParentCode == municipalityCode);

    private ComputedValue Population(string band, string? municipalityCode)
    {
        int? Pick(Municipality m) => band switch { "65+" => m.Population65Plus, "75+" => m.Population75Plus, _ => m.Population };
        if (municipalityCode is not null)
            return new(_municipalities.TryGetValue(municipalityCode, out var m) ? Pick(m) : null, PopulationSource);
        // The prefecture sums municipalities, not wards (a ward's people are in its city's figure already).
        var members = _municipalities.Values.Where(m => m.Kind != MunicipalityKind.Ward).Select(Pick).ToList();
        return new(members.Count == 0 || members.Any(p => p is null) ? null : members.Sum(p => (decimal)p!.Value), PopulationSource);
    }
}
