using Microsoft.AspNetCore.Authorization;

namespace Renkei.Web.Features.Surveys;

/// <summary>
/// Surveys are the municipality's program work: its staff and admins run them. Each page also checks
/// that the caller may write the survey's municipality.
/// </summary>
public sealed class StaffOnlyAttribute : AuthorizeAttribute
{
    public StaffOnlyAttribute() => Roles = $"{Accounts.Roles.SystemAdmin},{Accounts.Roles.OrgAdmin},{Accounts.Roles.ProgramStaff}";

    /// <summary>Whether the user holds one of the roles: links to survey pages are shown only to them.</summary>
    public static bool Allows(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Accounts.Roles.SystemAdmin) || user.IsInRole(Accounts.Roles.OrgAdmin) || user.IsInRole(Accounts.Roles.ProgramStaff);
}
