using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renkei.Web.Features.Organisations;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;

namespace Renkei.Web.Features.Accounts;

/// <summary>
/// Writes the organisation and tenant scope into the sign-in cookie (see <see cref="TenantScope"/>).
/// Re-run whenever Identity refreshes the principal (security-stamp validation), so scope changes reach users.
/// </summary>
public sealed class RenkeiClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, RenkeiDb db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string NeedsTwoFactor = "renkei:needs2fa";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var org = await db.Organisations.AsNoTracking().Include(o => o.Coverage).SingleAsync(o => o.Id == user.OrganisationId);
        var userRoles = await UserManager.GetRolesAsync(user);
        identity.AddClaim(new Claim(RenkeiClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(RenkeiClaims.OrganisationId, org.Id.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(RenkeiClaims.OrganisationKind, org.Kind.ToString()));
        identity.AddClaim(new Claim(RenkeiClaims.OrganisationName, org.Name));
        identity.AddClaim(new Claim(RenkeiClaims.PrefectureCode, org.PrefectureCode));
        if (org.MunicipalityCode is not null) identity.AddClaim(new Claim(RenkeiClaims.MunicipalityCode, org.MunicipalityCode));

        var (read, write) = await ScopeAsync(org, userRoles);
        identity.AddClaims(read.Select(c => new Claim(RenkeiClaims.ReadMunicipality, c)));
        identity.AddClaims(write.Select(c => new Claim(RenkeiClaims.WriteMunicipality, c)));
        var (prefRead, prefWrite) = PrefectureScope(org, userRoles);
        identity.AddClaims(prefRead.Select(c => new Claim(RenkeiClaims.ReadPrefecture, c)));
        identity.AddClaims(prefWrite.Select(c => new Claim(RenkeiClaims.WritePrefecture, c)));

        if (userRoles.Intersect(Roles.RequireTwoFactor).Any() && !user.TwoFactorEnabled)
            identity.AddClaim(new Claim(NeedsTwoFactor, "true"));
        return identity;
    }

    /// <summary>
    /// The rule of who sees which municipality's program data:
    /// system admins everything; a prefecture reads all its municipalities; a health centre reads the ones it covers;
    /// a municipality and the centres it commissions read and write their own (professionals in them only read);
    /// providers and professional bodies have no access to municipal program data.
    /// </summary>
    private async Task<(List<string> Read, List<string> Write)> ScopeAsync(Organisation org, IList<string> userRoles)
    {
        if (userRoles.Contains(Roles.SystemAdmin)) return ([RenkeiClaims.AllMunicipalities], [RenkeiClaims.AllMunicipalities]);
        switch (org.Kind)
        {
            case OrganisationKind.Prefecture:
                return (await db.Municipalities.Where(m => m.PrefectureCode == org.PrefectureCode).Select(m => m.Code).ToListAsync(), []);
            case OrganisationKind.HealthCentre:
                return ([.. org.Coverage.Select(c => c.MunicipalityCode)], []);
            case OrganisationKind.Municipality or OrganisationKind.CommunityCareCentre or OrganisationKind.CollaborationCentre when org.MunicipalityCode is not null:
                var own = new List<string> { org.MunicipalityCode };
                var writes = userRoles.Any(r => r is Roles.OrgAdmin or Roles.ProgramStaff or Roles.Coordinator);
                return (own, writes ? own : []);
            default:
                return ([], []);
        }
    }

    /// <summary>
    /// Prefecture-level data (progress rounds, secondary-area workspaces): every public body of the
    /// prefecture reads it; the prefecture office and its health centres (prefectural bodies) write it.
    /// System admins need no claim: their scope reads and writes everything.
    /// </summary>
    private static (List<string> Read, List<string> Write) PrefectureScope(Organisation org, IList<string> userRoles)
    {
        var own = new List<string> { org.PrefectureCode };
        var writes = userRoles.Any(r => r is Roles.OrgAdmin or Roles.ProgramStaff or Roles.Coordinator);
        return org.Kind switch
        {
            OrganisationKind.Prefecture or OrganisationKind.HealthCentre => (own, writes ? own : []),
            OrganisationKind.Municipality or OrganisationKind.CommunityCareCentre or OrganisationKind.CollaborationCentre => (own, []),
            _ => ([], []),
        };
    }
}
