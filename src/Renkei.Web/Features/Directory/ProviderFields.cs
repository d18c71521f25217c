using System.Globalization;

namespace Renkei.Web.Features.Directory;

/// <summary>
/// The provider fields that sources fill and staff edit, as text: one place for the label, the default
/// visibility and how to read and write each field. Importers compare and set fields through it.
/// </summary>
public static class ProviderFields
{
    /// <param name="MaxLength">The longest text staff and surveys may enter (the column's size where it is larger than the usual 400).</param>
    public sealed record Field(string Name, string Label, FieldVisibility DefaultVisibility, Func<Provider, string?> Get, Action<Provider, string?> Set, int MaxLength = 400);

    private static int? Int(string? s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
    private static double? Dbl(string? s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
    private static string? Str(double? d) => d?.ToString("0.######", CultureInfo.InvariantCulture);

    public static readonly IReadOnlyList<Field> All =
    [
        new("Name", "名称", FieldVisibility.Public, p => p.Name, (p, v) => p.Name = v ?? ""),
        new("NameKana", "名称（カナ）", FieldVisibility.Public, p => p.NameKana, (p, v) => p.NameKana = v),
        new("PrefectureCode", "都道府県", FieldVisibility.Public, p => p.PrefectureCode, (p, v) => p.PrefectureCode = v ?? ""),
        new("MunicipalityCode", "市区町村", FieldVisibility.Public, p => p.MunicipalityCode, (p, v) => p.MunicipalityCode = v),
        new("Address", "所在地", FieldVisibility.Public, p => p.Address, (p, v) => p.Address = v),
        new("Latitude", "緯度", FieldVisibility.Public, p => Str(p.Latitude), (p, v) => p.Latitude = Dbl(v)),
        new("Longitude", "経度", FieldVisibility.Public, p => Str(p.Longitude), (p, v) => p.Longitude = Dbl(v)),
        new("Phone", "電話", FieldVisibility.Public, p => p.Phone, (p, v) => p.Phone = v),
        new("Fax", "FAX", FieldVisibility.Professionals, p => p.Fax, (p, v) => p.Fax = v),
        new("Url", "ホームページ", FieldVisibility.Public, p => p.Url, (p, v) => p.Url = v),
        new("Email", "メール", FieldVisibility.Professionals, p => p.Email, (p, v) => p.Email = v),
        new("OpenDays", "営業日・診療日", FieldVisibility.Public, p => p.OpenDays, (p, v) => p.OpenDays = v),
        new("Departments", "診療科目", FieldVisibility.Public, p => p.Departments, (p, v) => p.Departments = v, 1000),
        new("Hours", "診療時間", FieldVisibility.Public, p => p.Hours, (p, v) => p.Hours = v, 2000),
        new("Beds", "病床数", FieldVisibility.Public, p => p.Beds?.ToString(CultureInfo.InvariantCulture), (p, v) => p.Beds = Int(v)),
        new("Capacity", "定員", FieldVisibility.Public, p => p.Capacity?.ToString(CultureInfo.InvariantCulture), (p, v) => p.Capacity = Int(v)),
        new("CorporateNumber", "法人番号", FieldVisibility.Public, p => p.CorporateNumber, (p, v) => p.CorporateNumber = v),
        new("CorporateName", "法人名", FieldVisibility.Public, p => p.CorporateName, (p, v) => p.CorporateName = v),
    ];

    public static readonly IReadOnlyDictionary<string, Field> ByName = All.ToDictionary(f => f.Name);
}
