using Microsoft.AspNetCore.Authorization;

namespace Renkei.Web.Features.Accounts;

/// <summary>
/// Program work (surveys, councils, PDCA, indicators) is done by the municipality's staff and admins. Each page also checks
/// that the caller may read or write the record's municipality.
/// </summary>
public sealed class StaffOnlyAttribute : AuthorizeAttribute
{
    public StaffOnlyAttribute() => Roles = $"{Accounts.Roles.SystemAdmin},{Accounts.Roles.OrgAdmin},{Accounts.Roles.ProgramStaff}";

    /// <summary>Whether the user holds one of the roles: links to program pages are shown only to them.</summary>
    public static bool Allows(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Accounts.Roles.SystemAdmin) || user.IsInRole(Accounts.Roles.OrgAdmin) || user.IsInRole(Accounts.Roles.ProgramStaff);
}
