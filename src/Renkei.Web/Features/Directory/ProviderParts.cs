using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Directory;

public enum IdentifierScheme
{
    IryojohoId = 1,            // 医療情報ネット ID (up to 20 characters; starts with 都道府県コード + 機関区分)
    MedicalInstitutionCode = 2, // 医療機関コード (都道府県2 + 点数表1 + 7)
    CareOffice = 3,            // 介護保険 事業所番号 (10 digits) + ":" + サービス種類コード
    CorporateNumber = 4,       // 法人番号 (13 digits)
}

/// <summary>An identifier a source uses for the provider; (scheme, value) is unique across the directory.</summary>
public class ProviderIdentifier : IAuditedUnder
{
    public int Id { get; set; }
    public int ProviderId { get; set; }
    public IdentifierScheme Scheme { get; set; }
    public required string Value { get; set; }

    (string Type, string Key) IAuditedUnder.AuditParent => Provider.AuditParentOf(ProviderId);
}

public enum DataSource
{
    KaigoOpenData = 1,  // 介護サービス情報公表システム オープンデータ
    IryojohoNet = 2,    // 医療情報ネット（ナビイ）オープンデータ
    Kouseikyoku = 3,    // 地方厚生局 届出受理医療機関名簿
    Survey = 4,         // Renkei の調査への回答
    Manual = 5,         // 職員の手入力
}

public enum FieldVisibility
{
    Public = 1,         // 住民に公開（同意がある場合）
    Professionals = 2,  // 関係者のみ
    Internal = 3,       // 市区町村の内部のみ
}

/// <summary>A home-care function the provider offers (catalogue: <see cref="FunctionCatalog"/>), with its source.</summary>
public class ProviderFunction : IAuditedUnder
{
    public int Id { get; set; }
    public int ProviderId { get; set; }
    public required string Code { get; set; }
    /// <summary>算定開始年月日 for a 施設基準, when the source gives it.</summary>
    public DateOnly? Since { get; set; }
    public DataSource Source { get; set; }

    (string Type, string Key) IAuditedUnder.AuditParent => Provider.AuditParentOf(ProviderId);
}

/// <summary>
/// Where one field of a provider came from, as of when, who confirmed it, who may see it, and whether
/// staff edited it by hand. Stored per provider as JSON, fields grouped by provenance (FieldMetaStorage):
/// a table row per field would multiply a national directory by twenty.
/// </summary>
public sealed record FieldMeta(DataSource Source, DateOnly? AsOf, string? ConfirmedBy, bool HandEdited, FieldVisibility Visibility);
