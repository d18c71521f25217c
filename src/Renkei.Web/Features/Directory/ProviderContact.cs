using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Directory;

/// <summary>
/// A person or desk professionals contact at a provider — above all for admission and discharge
/// (seed 004 （ア）-11: 入退院時の連絡窓口一覧). Not from public data: staff or the provider enter it.
/// Never shown on the residents' page, whatever <see cref="Visibility"/> says.
/// </summary>
public class ProviderContact : IVersioned, IAuditedInMunicipality, IAuditedUnder
{
    public int Id { get; set; }
    public int ProviderId { get; set; }
    /// <summary>部署 (e.g. 地域連携室).</summary>
    public string? Department { get; set; }
    /// <summary>役職・職種 (e.g. 医療ソーシャルワーカー).</summary>
    public string? Role { get; set; }
    public string? PersonName { get; set; }
    public string? Phone { get; set; }
    public string? Fax { get; set; }
    public string? Email { get; set; }
    /// <summary>対応時間 (e.g. 平日 8:30〜17:15).</summary>
    public string? Hours { get; set; }
    public string? Notes { get; set; }
    /// <summary>Professionals (default) or internal to the municipality's staff.</summary>
    public FieldVisibility Visibility { get; set; } = FieldVisibility.Professionals;
    public int SortOrder { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public long Version { get; set; }

    /// <summary>
    /// The provider's municipality, set by the page that changes the contact (not stored: the provider has it), so that
    /// the change is filed under that municipality in the audit log.
    /// </summary>
    public string? ProviderMunicipalityCode { get; set; }

    string? IAuditedInMunicipality.MunicipalityCode => ProviderMunicipalityCode;

    (string Type, string Key) IAuditedUnder.AuditParent => Provider.AuditParentOf(ProviderId);
}
