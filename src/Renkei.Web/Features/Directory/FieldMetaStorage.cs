using System.Text.Json;
using System.Text.Json.Serialization;

namespace Renkei.Web.Features.Directory;

/// <summary>
/// The stored form of <see cref="Provider.FieldMeta"/>: the fields grouped by their provenance,
/// <c>[{"Source":2,"AsOf":"2025-06-01","Visibility":1,"Fields":["Name","Address",…]},…]</c>. An import gives most fields
/// of a row one provenance, so a row stores two or three groups instead of one object per field: a third of the bytes
/// (the map written field by field was about half of every provider row, and an import's time goes mostly into
/// writing rows). Defaults (no as-of date, not confirmed, not edited by hand) are left out. The earlier form, one
/// object per field (<c>{"Name":{"Source":2,…},…}</c>), is still read: rows take the new form when next written.
/// </summary>
public static class FieldMetaStorage
{
    public static string Serialize(Dictionary<string, FieldMeta> meta)
    {
        // Few distinct provenances per row: a linear search of the groups beats hashing records.
        var groups = new List<(FieldMeta Meta, List<string> Fields)>(4);
        foreach (var (field, m) in meta)
        {
            var at = groups.FindIndex(g => ReferenceEquals(g.Meta, m) || g.Meta.Equals(m));
            if (at < 0) groups.Add((m, [field]));
            else groups[at].Fields.Add(field);
        }
        return JsonSerializer.Serialize(groups.Select(g => new FieldMetaGroup(g.Meta.Source, g.Meta.AsOf, g.Meta.ConfirmedBy, g.Meta.HandEdited, g.Meta.Visibility, g.Fields)).ToList(),
            FieldMetaJsonContext.Default.ListFieldMetaGroup);
    }

    // Parsed maps by their stored JSON. The rows of one import share a handful of distinct maps, and parsing each row's
    // map was most of the time spent reading providers back (planning a re-import of 18,000 rows: 0.8 s of 1.4 s).
    // Bounded: past the limit it starts again. The cached entries are immutable; each reader gets its own dictionary.
    private const int ParsedLimit = 4096;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, KeyValuePair<string, FieldMeta>[]> Parsed = new(StringComparer.Ordinal);

    /// <summary>The map stored as <paramref name="json"/> (either form), a new dictionary each call (callers may change it).</summary>
    public static Dictionary<string, FieldMeta> Deserialize(string json)
    {
        if (!Parsed.TryGetValue(json, out var entries))
        {
            entries = json.AsSpan().TrimStart().StartsWith("[")
                ? [.. (JsonSerializer.Deserialize(json, FieldMetaJsonContext.Default.ListFieldMetaGroup) ?? [])
                    .SelectMany(g => g.Fields.Select(f => KeyValuePair.Create(f, new FieldMeta(g.Source, g.AsOf, g.ConfirmedBy, g.HandEdited, g.Visibility))))]
                : [.. JsonSerializer.Deserialize(json, FieldMetaJsonContext.Default.DictionaryStringFieldMeta) ?? []];
            if (Parsed.Count >= ParsedLimit) Parsed.Clear();
            Parsed[json] = entries;
        }
        return new Dictionary<string, FieldMeta>(entries, StringComparer.Ordinal);
    }
}

/// <summary>Fields that share one provenance, as stored (<see cref="FieldMetaStorage"/>).</summary>
public sealed record FieldMetaGroup(DataSource Source, DateOnly? AsOf, string? ConfirmedBy, bool HandEdited, FieldVisibility Visibility, IReadOnlyList<string> Fields);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(List<FieldMetaGroup>))]
[JsonSerializable(typeof(Dictionary<string, FieldMeta>))]
internal sealed partial class FieldMetaJsonContext : JsonSerializerContext;
