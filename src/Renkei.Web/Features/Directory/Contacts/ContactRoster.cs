using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Directory.Contacts;

/// <summary>The roster's filters, from the query string (page and downloads share them).</summary>
public sealed class RosterFilter
{
    public string? Pref { get; set; }
    public string? Area { get; set; }
    public string? Muni { get; set; }
    /// <summary>Text, parsed leniently: empty or unknown means every kind (as in the directory search).</summary>
    public string? Kind { get; set; }
    /// <summary>"name" (default, provider name ascending), "name-desc", or "muni" (municipality, then name).</summary>
    public string? Sort { get; set; }

    public ProviderKind? KindValue => Enum.TryParse<ProviderKind>(Kind, out var k) && Enum.IsDefined(k) ? k : null;
}

/// <summary>One contact with its provider, as the roster and its downloads show it.</summary>
public sealed record RosterRow(
    int ProviderId, string ProviderName, ProviderKind Kind, string? ServiceCode, string? MunicipalityCode, string? ProviderPhone,
    string? Department, string? Role, string? PersonName, string? Phone, string? Fax, string? Email, string? Hours, string? Notes,
    FieldVisibility Visibility)
{
    public static readonly string[] Header =
        ["資源名称", "種別", "市区町村", "代表電話", "部署", "役職・職種", "担当者", "電話", "FAX", "メール", "対応時間", "備考", "公開範囲"];

    public string?[] Cells(IReadOnlyDictionary<string, string> municipalities) =>
    [
        ProviderName, ProviderKindNames.Describe(Kind, ServiceCode), MunicipalityCode is null ? null : municipalities.GetValueOrDefault(MunicipalityCode),
        ProviderPhone, Department, Role, PersonName, Phone, Fax, Email, Hours, Notes, ContactRules.Japanese(Visibility),
    ];
}

/// <summary>
/// 入退院連絡窓口一覧 （ア）-11: every contact of the listed providers in an area, for signed-in users.
/// "市区町村内部のみ" contacts are kept only where the reader may read the provider's municipality
/// (the provider page's rule), decided in the query so that counts and pages are right.
/// </summary>
public static class ContactRoster
{
    public static IQueryable<RosterRow> Query(RenkeiDb db, RosterFilter f)
    {
        var providers = db.Providers.AsNoTracking().Where(p => p.Listed);
        if (!string.IsNullOrEmpty(f.Pref)) providers = providers.Where(p => p.PrefectureCode == f.Pref);
        if (!string.IsNullOrEmpty(f.Muni)) providers = providers.Where(p => p.MunicipalityCode == f.Muni);
        if (!string.IsNullOrEmpty(f.Area))
        {
            var inArea = db.Municipalities.Where(m => m.SecondaryAreaCode == f.Area).Select(m => m.Code);
            providers = providers.Where(p => p.MunicipalityCode != null && inArea.Contains(p.MunicipalityCode));
        }
        if (f.KindValue is { } kind) providers = providers.Where(p => p.Kind == kind);

        var scope = db.Scope;
        var readAll = scope.ReadAll;
        var readable = scope.Readable.ToList();
        var rows = from c in db.ProviderContacts.AsNoTracking()
                   join p in providers on c.ProviderId equals p.Id
                   where c.Visibility != FieldVisibility.Internal || readAll || (p.MunicipalityCode != null && readable.Contains(p.MunicipalityCode))
                   select new { c, p };
        var ordered = f.Sort switch
        {
            "name-desc" => rows.OrderByDescending(x => x.p.SearchKey).ThenByDescending(x => x.p.Id),
            "muni" => rows.OrderBy(x => x.p.MunicipalityCode).ThenBy(x => x.p.SearchKey).ThenBy(x => x.p.Id),
            _ => rows.OrderBy(x => x.p.SearchKey).ThenBy(x => x.p.Id),
        };
        // A provider's contacts stay together in their own order whichever way the providers are sorted.
        return ordered.ThenBy(x => x.c.SortOrder).ThenBy(x => x.c.Id)
            .Select(x => new RosterRow(x.p.Id, x.p.Name, x.p.Kind, x.p.ServiceCode, x.p.MunicipalityCode, x.p.Phone,
                x.c.Department, x.c.Role, x.c.PersonName, x.c.Phone, x.c.Fax, x.c.Email, x.c.Hours, x.c.Notes, x.c.Visibility));
    }

    /// <summary>Every row in batches, for the downloads.</summary>
    public static async IAsyncEnumerable<RosterRow> ReadAsync(RenkeiDb db, RosterFilter f, [EnumeratorCancellation] CancellationToken ct = default)
    {
        const int batch = 500;
        var query = Query(db, f);
        for (var skip = 0; ; skip += batch)
        {
            var rows = await query.Skip(skip).Take(batch).ToListAsync(ct);
            foreach (var r in rows) yield return r;
            if (rows.Count < batch) yield break;
        }
    }

    public static Task<Dictionary<string, string>> MunicipalityNamesAsync(RenkeiDb db, CancellationToken ct = default) =>
        db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Name, ct);
}
