namespace Renkei.Web.Features.Directory;

/// <summary>What residents may see of a provider: only fields whose visibility is public (default or chosen by staff).</summary>
public static class PublicFields
{
    public static bool IsPublic(IReadOnlyDictionary<string, FieldMeta> meta, string field) =>
        (meta.TryGetValue(field, out var m) ? m.Visibility : ProviderFields.ByName[field].DefaultVisibility) == FieldVisibility.Public;

    /// <summary>The public fields of a provider with values, in catalogue order, as (label, value).</summary>
    public static IEnumerable<(string Name, string Label, string Value)> Of(Provider p) =>
        ProviderFields.All
            .Where(f => f.Name is not ("PrefectureCode" or "MunicipalityCode" or "Latitude" or "Longitude" or "CorporateNumber"))
            .Where(f => IsPublic(p.FieldMeta, f.Name))
            .Select(f => (f.Name, f.Label, Value: f.Get(p) ?? ""))
            .Where(x => x.Value.Length > 0);
}
