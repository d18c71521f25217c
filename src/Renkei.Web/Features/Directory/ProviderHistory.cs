using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Audit;
using Renkei.Web.Features.Directory.Contacts;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Directory;

/// <summary>
/// A provider's change history in the words of its page: its own entries (hand edits, imports, confirmation) and
/// those of its parts — contact persons, functions, identifiers — which the audit log files under the provider
/// (<see cref="IAuditedUnder"/>). What a line shows follows what the reader may see on the page.
/// </summary>
public sealed class ProviderHistory(Provider provider, bool seesInternal, IReadOnlyList<AuditEntry> entries)
{
    // A contact named as its entries recorded it: an update records only what changed, and a deleted contact is gone.
    private readonly Dictionary<string, string> _contactNames = entries.Where(e => e.EntityType == nameof(ProviderContact) && e.EntityKey is not null)
        .OrderBy(e => e.Id).Select(e => (e.EntityKey!, Name: ContactName(Parse(e.Changes)))).Where(x => x.Name is not null)
        .GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => g.Last().Name!);

    /// <summary>
    /// The newest <paramref name="take"/> entries. Contact entries written before parts named their parent are found by
    /// the provider's current contacts.
    /// </summary>
    public static Task<List<AuditEntry>> LoadAsync(RenkeiDb db, Provider provider, int take, CancellationToken ct = default)
    {
        var (type, key) = Provider.AuditParentOf(provider.Id);
        var contactKeys = provider.Contacts.Select(c => c.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        return db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == type && a.EntityKey == key) || (a.ParentType == type && a.ParentKey == key)
                || (a.EntityType == nameof(ProviderContact) && a.ParentType == null && contactKeys.Contains(a.EntityKey!)))
            .OrderByDescending(a => a.Id).Take(take).ToListAsync(ct);
    }

    // Recorded changes of the provider's own columns that the history names (beside its text fields).
    private static readonly Dictionary<string, string> ProviderColumns = new(StringComparer.Ordinal)
    {
        ["Listed"] = "公開データに掲載", ["PublicationConsent"] = "住民向けページへの掲載同意", ["LastConfirmedOn"] = "最終確認日",
    };

    private static readonly Dictionary<string, string> ContactColumns = new(StringComparer.Ordinal)
    {
        [nameof(ProviderContact.Department)] = "部署", [nameof(ProviderContact.Role)] = "役職・職種", [nameof(ProviderContact.PersonName)] = "担当者名",
        [nameof(ProviderContact.Phone)] = "電話番号", [nameof(ProviderContact.Fax)] = "FAX番号", [nameof(ProviderContact.Email)] = "メールアドレス",
        [nameof(ProviderContact.Hours)] = "対応時間", [nameof(ProviderContact.Notes)] = "備考", [nameof(ProviderContact.SortOrder)] = "表示順",
    };

    /// <summary>The entry's changes as lines of the page.</summary>
    public IReadOnlyList<string> Lines(AuditEntry entry) => entry.EntityType switch
    {
        nameof(ProviderContact) => ContactLines(entry),
        nameof(ProviderFunction) => [PartLine(entry, "機能", c => FunctionCatalog.Name(Text(c, nameof(ProviderFunction.Code)) ?? "")
            + (Number(c, nameof(ProviderFunction.Source)) is { } source ? $"（出典: {((DataSource)source).SourceName()}）" : ""))],
        nameof(ProviderIdentifier) => [PartLine(entry, "識別番号", c => (Number(c, nameof(ProviderIdentifier.Scheme)) is { } scheme ? ((IdentifierScheme)scheme).Japanese() + " " : "")
            + Text(c, nameof(ProviderIdentifier.Value)))],
        _ => ProviderLines(entry),
    };

    /// <summary>
    /// Each text field by its label, only when the reader may see that field (an internal FAX changed stays out of a
    /// professional's view); internal columns (provenance map, search key, timestamps) are left out.
    /// </summary>
    private IReadOnlyList<string> ProviderLines(AuditEntry entry)
    {
        var lines = AuditFormat.ChangeLines(entry.Changes, name => ProviderFields.ByName.TryGetValue(name, out var field)
            ? (Export.DirectoryEntries.Visible(provider, name, seesInternal) ? field.Label : null)
            : ProviderColumns.GetValueOrDefault(name));
        return lines.Count == 0 && !string.IsNullOrEmpty(entry.Changes) ? ["公開範囲・出典など、この画面に表示しない項目の変更"] : lines;
    }

    /// <summary>
    /// A contact person's change, in full when the reader may see the contact (<see cref="ContactRules"/>) before and
    /// after it; a contact that was internal to the municipality at any point of the change shows only that it changed.
    /// </summary>
    private IReadOnlyList<string> ContactLines(AuditEntry entry)
    {
        var changes = Parse(entry.Changes);
        var recorded = Values(changes, nameof(ProviderContact.Visibility)).ToList();
        var current = provider.Contacts.FirstOrDefault(c => c.Id.ToString(CultureInfo.InvariantCulture) == entry.EntityKey);
        var internalAtSomePoint = recorded.Count > 0 ? recorded.Contains((int)FieldVisibility.Internal)
            : current is null || current.Visibility == FieldVisibility.Internal; // an update that did not touch visibility
        if (!seesInternal && internalAtSomePoint) return ["市区町村内部のみの連絡窓口の変更"];

        // Other entries' names only for a reader who sees them all: one of them may be from while the contact was internal.
        var name = ContactName(changes) ?? (current is not null && ContactRules.Label(current) is { Length: > 0 } label ? label : null)
            ?? (seesInternal ? _contactNames.GetValueOrDefault(entry.EntityKey ?? "") : null);
        var lines = new List<string> { $"連絡窓口{(name is null ? "" : $"「{name}」")}を{Verb(entry.Action)}" };
        if (entry.Action == AuditActions.Delete) return lines;
        lines.AddRange(AuditFormat.ChangeLines(entry.Changes, column => ContactColumns.GetValueOrDefault(column)));
        if (recorded.Count > 0 && changes?.RootElement.GetProperty(nameof(ProviderContact.Visibility)) is { ValueKind: JsonValueKind.Array } v && v.GetArrayLength() == 2)
            lines.Add($"公開範囲: {VisibilityText(v[0])} → {VisibilityText(v[1])}");
        return lines;
    }

    /// <summary>A contact's name as its entry recorded it: 部署, else 役職, else the person, as <see cref="ContactRules.Label"/> names a contact.</summary>
    private static string? ContactName(JsonDocument? changes) =>
        Text(changes, nameof(ProviderContact.Department)) ?? Text(changes, nameof(ProviderContact.Role)) ?? Text(changes, nameof(ProviderContact.PersonName));

    private static string VisibilityText(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? ContactRules.Japanese((FieldVisibility)value.GetInt32()) : "（なし）";

    /// <summary>"機能「訪問診療（出典: 調査）」を追加": a part added or removed, named by <paramref name="describe"/>.</summary>
    private static string PartLine(AuditEntry entry, string part, Func<JsonDocument?, string?> describe) =>
        $"{part}「{describe(Parse(entry.Changes))}」を{Verb(entry.Action)}";

    private static string Verb(string action) => action switch
    {
        AuditActions.Create => "追加",
        AuditActions.Delete => "削除",
        _ => "変更",
    };

    private static JsonDocument? Parse(string? changes)
    {
        if (string.IsNullOrEmpty(changes)) return null;
        try
        {
            var doc = JsonDocument.Parse(changes);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The recorded values of a column, before and after, without nulls.</summary>
    private static IEnumerable<object> Values(JsonDocument? changes, string column)
    {
        if (changes is null || !changes.RootElement.TryGetProperty(column, out var value) || value.ValueKind != JsonValueKind.Array) yield break;
        foreach (var v in value.EnumerateArray())
        {
            if (v.ValueKind == JsonValueKind.Number) yield return v.GetInt32();
            else if (v.ValueKind == JsonValueKind.String) yield return v.GetString()!;
        }
    }

    // A part's column as it was recorded: the new value of an addition, the old one of a removal.
    private static string? Text(JsonDocument? changes, string column) => Values(changes, column).OfType<string>().LastOrDefault();

    private static int? Number(JsonDocument? changes, string column) => Values(changes, column).OfType<int>().Cast<int?>().LastOrDefault();
}
