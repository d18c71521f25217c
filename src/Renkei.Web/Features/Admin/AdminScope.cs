using System.Security.Claims;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Platform.Tenancy;
using RoleNames = Renkei.Web.Features.Accounts.Roles;

namespace Renkei.Web.Features.Admin;

/// <summary>
/// Which accounts an administrator manages: a system admin all of them; an organisation admin
/// those of their own organisation, except system admins (otherwise an organisation admin whose
/// organisation hosts a system admin could lock out that account or reset its password).
/// </summary>
public sealed record AdminScope(bool All, int OrganisationId)
{
    /// <summary>For <c>[Authorize(Roles = AdminScope.Roles)]</c>: either admin role.</summary>
    public const string Roles = RoleNames.SystemAdmin + "," + RoleNames.OrgAdmin;

    public static AdminScope Of(ClaimsPrincipal user) =>
        // Every account has an organisation, so a signed-in admin always has the claim;
        // -1 matches no organisation should it ever be missing.
        new(user.IsInRole(RoleNames.SystemAdmin), user.GetOrganisationId() ?? -1);

    public IQueryable<AppUser> Visible(IQueryable<AppUser> users)
    {
        if (All) return users;
        var own = OrganisationId;
        return users.Where(u => u.OrganisationId == own);
    }

    public bool CanManage(AppUser account, IEnumerable<string> accountRoles) =>
        All || (account.OrganisationId == OrganisationId && !accountRoles.Contains(RoleNames.SystemAdmin));

    public bool CanGrant(string role) => All || role != RoleNames.SystemAdmin;
}
