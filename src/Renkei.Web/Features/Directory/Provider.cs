using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Directory;

public enum ProviderKind
{
    Hospital = 1,         // 病院
    Clinic = 2,           // 診療所
    DentalClinic = 3,     // 歯科診療所
    Pharmacy = 4,         // 薬局
    VisitingNursing = 5,  // 訪問看護ステーション
    CareService = 6,      // 介護サービス（サービス種類コードで区別）
}

/// <summary>Days of the week plus public holidays, as flags (stored as an integer).</summary>
[Flags]
public enum Weekdays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
    Holiday = 128,
}

public enum CoordinatePrecision
{
    None = 0,                  // 座標なし
    Exact = 1,                 // 出典の座標（住所の位置）
    MunicipalityCentroid = 2,  // 市区町村の代表点で代用
    Manual = 3,                // 地図上で手で設定
}

/// <summary>
/// One provider of medical or care services in the resource directory （ア）. A care service is one
/// service type at one 事業所 (the open data lists each type separately under the same 事業所番号).
/// Where each field came from, who confirmed it and who may see it is in <see cref="FieldMeta"/>.
/// </summary>
public class Provider : IVersioned, IAuditedInMunicipality
{
    public int Id { get; set; }
    public ProviderKind Kind { get; set; }
    /// <summary>介護サービスの種類コード (e.g. "760"); null for medical providers.</summary>
    public string? ServiceCode { get; set; }
    public required string Name { get; set; }
    public string? NameKana { get; set; }
    /// <summary><see cref="SearchKeyOf"/> name and kana: what text search matches.</summary>
    public string SearchKey { get; set; } = "";

    /// <summary>The search key of a provider with this name and kana (<see cref="Platform.Text.JapaneseText.SearchKey"/>).</summary>
    public static string SearchKeyOf(string name, string? kana) => Platform.Text.JapaneseText.SearchKey(name + " " + kana);

    /// <summary>How the audit log names provider <paramref name="id"/>: its own entries and, as parent, its parts' (<see cref="IAuditedUnder"/>).</summary>
    public static (string Type, string Key) AuditParentOf(int id) => (nameof(Provider), id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public required string PrefectureCode { get; set; }
    public string? MunicipalityCode { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public CoordinatePrecision CoordinatePrecision { get; set; }
    public string? Phone { get; set; }
    public string? Fax { get; set; }
    public string? Url { get; set; }
    public string? Email { get; set; }
    public string? OpenDays { get; set; }
    /// <summary>
    /// The days the provider is open, read from <see cref="OpenDays"/> and <see cref="Hours"/> by
    /// <see cref="OpenWeekdaysText"/> so the search can filter on a weekday; null when neither says.
    /// </summary>
    public Weekdays? OpenWeekdays { get; set; }
    /// <summary>診療科目 (医療情報ネット 診療科・診療時間票), joined with "、".</summary>
    public string? Departments { get; set; }
    /// <summary>診療時間 per weekday as one readable text (医療情報ネット 診療科・診療時間票, or staff).</summary>
    public string? Hours { get; set; }
    public int? Beds { get; set; }
    public int? Capacity { get; set; }
    public string? CorporateNumber { get; set; }
    public string? CorporateName { get; set; }
    /// <summary>The provider agreed to publication on the residents' page.</summary>
    public bool PublicationConsent { get; set; }
    /// <summary>Still listed by the source of its last import (false: the source no longer lists it).</summary>
    public bool Listed { get; set; } = true;
    public DateOnly? LastConfirmedOn { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public long Version { get; set; }

    public List<ProviderIdentifier> Identifiers { get; set; } = [];
    public List<ProviderFunction> Functions { get; set; } = [];
    public List<ProviderContact> Contacts { get; set; } = [];
    /// <summary>Provenance and visibility per field name (see <see cref="ProviderFields"/>).</summary>
    public Dictionary<string, FieldMeta> FieldMeta { get; set; } = [];
}
