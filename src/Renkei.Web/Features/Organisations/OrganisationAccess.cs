using System.Security.Claims;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Platform.Tenancy;

namespace Renkei.Web.Features.Organisations;

/// <summary>
/// Who may create and edit which organisations: system admins any; the admin of a municipality
/// organisation the bodies located in that municipality (centres, providers, associations), but not
/// prefectures, health centres or other municipalities. The database's tenant guard backs this up.
/// </summary>
public static class OrganisationAccess
{
    public static bool IsSystemAdmin(ClaimsPrincipal user) => user.IsInRole(Roles.SystemAdmin);

    /// <summary>The municipality whose bodies this user manages, or null.</summary>
    public static string? ManagedMunicipality(ClaimsPrincipal user) =>
        user.IsInRole(Roles.OrgAdmin) && user.FindFirstValue(RenkeiClaims.OrganisationKind) == nameof(OrganisationKind.Municipality)
            ? user.GetMunicipalityCode()
            : null;

    public static bool CanCreateAny(ClaimsPrincipal user) => IsSystemAdmin(user) || ManagedMunicipality(user) is not null;

    public static bool CanManage(ClaimsPrincipal user, OrganisationKind kind, string? municipalityCode) =>
        IsSystemAdmin(user) ||
        (ManagedMunicipality(user) is { } own && municipalityCode == own && KindsForMunicipalAdmin.Contains(kind));

    public static readonly OrganisationKind[] KindsForMunicipalAdmin =
    [
        OrganisationKind.CommunityCareCentre, OrganisationKind.CollaborationCentre, OrganisationKind.ProfessionalBody,
        OrganisationKind.MedicalInstitution, OrganisationKind.CareProvider,
    ];

    public static IEnumerable<OrganisationKind> AllowedKinds(ClaimsPrincipal user) =>
        IsSystemAdmin(user) ? Enum.GetValues<OrganisationKind>() : KindsForMunicipalAdmin;
}
