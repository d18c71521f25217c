using Microsoft.AspNetCore.Authorization;
using Renkei.Web.Features.Accounts;

namespace Renkei.Web.Features.Surveys;

/// <summary>
/// Surveys are the municipality's program work: its staff and admins run them. Each page also checks
/// that the caller may write the survey's municipality.
/// </summary>
public sealed class StaffOnlyAttribute : AuthorizeAttribute
{
    public StaffOnlyAttribute() => Roles = $"{Accounts.Roles.SystemAdmin},{Accounts.Roles.OrgAdmin},{Accounts.Roles.ProgramStaff}";
}
