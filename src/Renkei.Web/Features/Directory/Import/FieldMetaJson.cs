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
        json = FieldMetaStorage.Serialize(meta);
        _done[new Dictionary<string, FieldMeta>(meta)] = json; // a copy: the provider's own map may change later
        return json;
    }

    /// <summary>Same fields with equal metadata in the same order (the order is part of the JSON): the same stored JSON.</summary>
    internal sealed class SameEntries : IEqualityComparer<Dictionary<string, FieldMeta>>
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
                var (otherName, otherValue) = other.Current;
                // Field names are the same string instances (ProviderFields), and one import shares its metadata records.
                if (!ReferenceEquals(name, otherName) && !string.Equals(name, otherName, StringComparison.Ordinal)) return false;
                if (!ReferenceEquals(value, otherValue) && !value.Equals(otherValue)) return false;
            }
            return true;
        }

        // Cheap on purpose: the maps of one file differ in few ways, and Equals decides.
        public int GetHashCode(Dictionary<string, FieldMeta> meta)
        {
            var hash = meta.Count;
            foreach (var (name, value) in meta) hash = hash * 31 + name.Length * 8 + (int)value.Visibility + (value.HandEdited ? 4 : 0);
            return hash;
        }
    }
}
