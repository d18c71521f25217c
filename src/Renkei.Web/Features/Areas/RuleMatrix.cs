using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Areas;

/// <summary>
/// One common rule or form with its versions (oldest first) and which municipality adopted which version:
/// the adoption matrix of the workspace and its export.
/// </summary>
public sealed class RuleMatrix(AreaRule rule, List<AreaRuleAdoption> adoptions)
{
    private readonly Dictionary<(int, string), AreaRuleAdoption> _cells =
        adoptions.ToDictionary(a => (a.VersionId, a.MunicipalityCode));

    public AreaRule Rule { get; } = rule;

    /// <summary>By effective date: the version in force last is the latest, whatever order they were entered in.</summary>
    public List<AreaRuleVersion> Versions { get; } = [.. rule.Versions.OrderBy(v => v.EffectiveFrom).ThenBy(v => v.Id)];

    public AreaRuleVersion? Latest => Versions.Count == 0 ? null : Versions[^1];

    public AreaRuleAdoption? Cell(int versionId, string municipalityCode) => _cells.GetValueOrDefault((versionId, municipalityCode));

    public bool OnLatest(string municipalityCode) => Latest is { } latest && _cells.ContainsKey((latest.Id, municipalityCode));

    public int OnLatestCount(IEnumerable<AreaMunicipality> municipalities) => municipalities.Count(m => OnLatest(m.Code));

    /// <summary>"第1版（令和6年10月1日）、第2版（令和7年4月1日）": what one municipality adopted, for the export.</summary>
    public string Adopted(string municipalityCode) => string.Join("、", Versions
        .Select(v => Cell(v.Id, municipalityCode) is { } a ? $"{v.Label}（{Platform.Time.Wareki.FormatDate(a.AdoptedOn)}）" : null)
        .OfType<string>());

    /// <summary>The rules of the given areas that the caller reads (its prefecture, by the query filter), with every adoption of their versions.</summary>
    public static async Task<List<RuleMatrix>> LoadAsync(RenkeiDb db, IReadOnlyCollection<string> areaCodes, CancellationToken ct)
    {
        var codes = areaCodes.ToList();
        var rules = await db.AreaRules.AsNoTracking().Include(r => r.Versions)
            .Where(r => codes.Contains(r.SecondaryAreaCode)).OrderBy(r => r.Kind).ThenBy(r => r.Title).ThenBy(r => r.Id).ToListAsync(ct);
        var versionIds = rules.SelectMany(r => r.Versions).Select(v => v.Id).ToList();
        // Past the municipal filter: an adoption is a municipality's record, but the matrix is the area's shared
        // agreement, which every reader of the prefecture sees. Only adoptions of the versions read above are loaded.
        var adoptions = versionIds.Count == 0 ? [] : await db.AreaRuleAdoptions.IgnoreQueryFilters().AsNoTracking()
            .Where(a => versionIds.Contains(a.VersionId)).ToListAsync(ct);
        var byVersion = rules.SelectMany(r => r.Versions.Select(v => (v.Id, r.Id))).ToDictionary(x => x.Item1, x => x.Item2);
        return [.. rules.Select(r => new RuleMatrix(r, [.. adoptions.Where(a => byVersion[a.VersionId] == r.Id)]))];
    }
}
