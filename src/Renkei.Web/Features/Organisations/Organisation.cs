using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Organisations;

public enum OrganisationKind
{
    Prefecture = 1,            // 都道府県
    HealthCentre = 2,          // 保健所
    Municipality = 3,          // 市区町村
    CommunityCareCentre = 4,   // 地域包括支援センター
    CollaborationCentre = 5,   // 在宅医療・介護連携支援センター
    ProfessionalBody = 6,      // 関係団体（医師会等）
    MedicalInstitution = 7,    // 医療機関
    CareProvider = 8,          // 介護事業所
}

/// <summary>
/// An organisation placed in the region hierarchy: every one has a prefecture; all but a
/// prefecture or health centre also sit in one municipality. A health centre covers the
/// municipalities listed in <see cref="HealthCentreCoverage"/>.
/// </summary>
public class Organisation : IVersioned
{
    public int Id { get; set; }
    public OrganisationKind Kind { get; set; }
    public required string Name { get; set; }
    public string? Kana { get; set; }
    public required string PrefectureCode { get; set; }
    public string? MunicipalityCode { get; set; }
    /// <summary>法人番号 (13 digits), validated by <see cref="CorporateNumber"/>.</summary>
    public string? CorporateNumber { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public bool IsDemo { get; set; }
    public long Version { get; set; }
    public List<HealthCentreCoverage> Coverage { get; set; } = [];
}

public class HealthCentreCoverage
{
    public int OrganisationId { get; set; }
    public required string MunicipalityCode { get; set; }
}
