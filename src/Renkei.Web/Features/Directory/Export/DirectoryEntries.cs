using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Directory.Export;

/// <summary>One provider as the professionals' exports and the booklet show it: display text, fields the reader may not see left blank.</summary>
public sealed record DirectoryEntry(
    int Id, ProviderKind Kind, string? MunicipalityCode, string Name, string? NameKana, string KindName, string? Service,
    string? Prefecture, string? Municipality, string? Address, string? Phone, string? Fax, string? Email, string? Url,
    string? OpenDays, string? Departments, string? Hours, string? Beds, string? Capacity, string Functions, string? LastConfirmed, string? Source)
{
    public static readonly string[] Header =
        ["名称", "名称（カナ）", "種別", "サービス", "都道府県", "市区町村", "所在地", "電話", "FAX", "メール", "ホームページ", "営業日", "診療科目", "診療時間", "病床数", "定員", "機能", "最終確認日", "出典"];

    public string?[] Cells() =>
        [Name, NameKana, KindName, Service, Prefecture, Municipality, Address, Phone, Fax, Email, Url, OpenDays, Departments, Hours, Beds, Capacity, Functions, LastConfirmed, Source];
}

/// <summary>
/// Reads every provider of a directory search (all pages) in batches, so an export of a whole
/// prefecture never holds more than one batch of entities.
/// </summary>
public sealed class DirectoryEntries(RenkeiDb db, ProviderSearch search)
{
    private const int Batch = 500;

    /// <summary>
    /// Same rule as the provider page: a field whose visibility is Internal is shown only to readers
    /// of the provider's municipality; Public and Professionals fields go to every signed-in user.
    /// </summary>
    public static bool Visible(Provider p, string field, bool seesInternal) =>
        seesInternal || !p.FieldMeta.TryGetValue(field, out var meta) || meta.Visibility != FieldVisibility.Internal;

    public async IAsyncEnumerable<DirectoryEntry> ReadAsync(ProviderFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var (query, _) = await search.BuildAsync(filter, ct);
        var prefectures = await db.Prefectures.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, ct);
        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Name, ct);
        for (var skip = 0; ; skip += Batch)
        {
            var providers = await query.Skip(skip).Take(Batch).ToListAsync(ct);
            var ids = providers.Select(p => p.Id).ToList();
            var functions = (await db.Set<ProviderFunction>().AsNoTracking().Where(f => ids.Contains(f.ProviderId))
                .Select(f => new { f.ProviderId, f.Code }).ToListAsync(ct)).ToLookup(f => f.ProviderId, f => f.Code);
            foreach (var p in providers) yield return Entry(p, [.. functions[p.Id]], prefectures, municipalities);
            if (providers.Count < Batch) yield break;
        }
    }

    private DirectoryEntry Entry(Provider p, IReadOnlyCollection<string> codes, Dictionary<string, string> prefectures, Dictionary<string, string> municipalities)
    {
        var seesInternal = p.MunicipalityCode is not null && db.Scope.CanRead(p.MunicipalityCode);
        string? Show(string field, string? value) => Visible(p, field, seesInternal) ? value : null;
        // Catalogue order, not import order, so the same provider always reads the same way.
        var functionNames = string.Join('、', FunctionCatalog.All.Where(f => codes.Contains(f.Code)).Select(f => f.Name));
        return new DirectoryEntry(
            p.Id, p.Kind, p.MunicipalityCode,
            Show("Name", p.Name) ?? "", Show("NameKana", p.NameKana), p.Kind.Japanese(),
            p.ServiceCode is null ? null : CareServiceTypes.Name(p.ServiceCode),
            Show("PrefectureCode", prefectures.GetValueOrDefault(p.PrefectureCode)),
            Show("MunicipalityCode", p.MunicipalityCode is null ? null : municipalities.GetValueOrDefault(p.MunicipalityCode)),
            Show("Address", p.Address), Show("Phone", p.Phone), Show("Fax", p.Fax), Show("Email", p.Email), Show("Url", p.Url),
            Show("OpenDays", p.OpenDays), Show("Departments", p.Departments), Show("Hours", p.Hours),
            Show("Beds", p.Beds?.ToString(CultureInfo.InvariantCulture)), Show("Capacity", p.Capacity?.ToString(CultureInfo.InvariantCulture)),
            functionNames,
            p.LastConfirmedOn?.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
            p.FieldMeta.TryGetValue("Name", out var name) ? name.Source.SourceName() : null);
    }
}
