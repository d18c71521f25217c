namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// The stored JSON of <see cref="Provider.FieldMeta"/> for a bulk insert, serialised once per distinct map: the new
/// rows of one file carry the same fields with the same provenance, and serialising each was a tenth of an import.
/// </summary>
internal sealed class FieldMetaJson
{
    private readonly Dictionary<Dictionary<string, FieldMeta>, string> _done = new(SameEntries.Instance);

    public string Of(Dictionary<string, FieldMeta> meta)
    {
        if (_done.TryGetValue(meta, out var json)) return json;
        json = ProviderConfiguration.SerializeMeta(meta);
        _done[new Dictionary<string, FieldMeta>(meta)] = json; // a copy: the provider's own map may change later
        return json;
    }

    /// <summary>Same fields with equal metadata in the same order (the order is part of the JSON).</summary>
    private sealed class SameEntries : IEqualityComparer<Dictionary<string, FieldMeta>>
    {
        public static readonly SameEntries Instance = new();

        public bool Equals(Dictionary<string, FieldMeta>? a, Dictionary<string, FieldMeta>? b)
        {
            if (ReferenceEquals(a, b)) return true;
            if (a is null || b is null || a.Count != b.Count) return false;
            using var other = b.GetEnumerator();
            foreach (var (name, value) in a)
            {
                other.MoveNext();
                if (!string.Equals(name, other.Current.Key, StringComparison.Ordinal) || !value.Equals(other.Current.Value)) return false;
            }
            return true;
        }

        public int GetHashCode(Dictionary<string, FieldMeta> meta)
        {
            var hash = new HashCode();
            foreach (var (name, value) in meta)
            {
                hash.Add(name, StringComparer.Ordinal);
                hash.Add(value);
            }
            return hash.ToHashCode();
        }
    }
}
