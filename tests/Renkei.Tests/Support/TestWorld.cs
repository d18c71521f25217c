using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Features.Organisations;
using Renkei.Web.Platform.Data;

namespace Renkei.Tests.Support;

/// <summary>
/// A fixture world built for the tests (not the demo): two prefectures, three municipalities,
/// a health centre that covers only 鳥取市, a clinic, and one account per situation.
/// </summary>
public static class TestWorld
{
    public const string Password = "Test-Password-2026";
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    public const string Tottori = "312011";
    public const string Yonago = "312029";
    public const string Matsue = "322016";

    /// <returns>Organisation ids by key.</returns>
    public static async Task<Dictionary<string, int>> SeedAsync(RenkeiFactory factory)
    {
        var (scope, db) = factory.SystemDb();
        await using var _ = scope;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Organisation Org(OrganisationKind kind, string name, string pref, string? muni) =>
            db.Organisations.Add(new Organisation { Kind = kind, Name = name, PrefectureCode = pref, MunicipalityCode = muni }).Entity;
        var orgs = new Dictionary<string, Organisation>
        {
            ["tottori-pref"] = Org(OrganisationKind.Prefecture, "鳥取県", "31", null),
            ["shimane-pref"] = Org(OrganisationKind.Prefecture, "島根県", "32", null),
            ["hc"] = Org(OrganisationKind.HealthCentre, "テスト保健所", "31", null),
            ["tottori"] = Org(OrganisationKind.Municipality, "鳥取市", "31", Tottori),
            ["yonago"] = Org(OrganisationKind.Municipality, "米子市", "31", Yonago),
            ["matsue"] = Org(OrganisationKind.Municipality, "松江市", "32", Matsue),
            ["clinic"] = Org(OrganisationKind.MedicalInstitution, "テスト診療所", "31", Tottori),
        };
        orgs["hc"].Coverage = [new HealthCentreCoverage { MunicipalityCode = Tottori }];
        await db.SaveChangesAsync();

        await User(users, "sys", orgs["tottori-pref"], Roles.SystemAdmin, twoFactor: true);
        await User(users, "tottori-admin", orgs["tottori"], Roles.OrgAdmin, twoFactor: true);
        await User(users, "tottori-staff", orgs["tottori"], Roles.ProgramStaff);
        await User(users, "yonago-staff", orgs["yonago"], Roles.ProgramStaff);
        await User(users, "yonago-admin", orgs["yonago"], Roles.OrgAdmin, twoFactor: true);
        await User(users, "matsue-staff", orgs["matsue"], Roles.ProgramStaff);
        await User(users, "pref-staff", orgs["tottori-pref"], Roles.ProgramStaff);
        await User(users, "shimane-staff", orgs["shimane-pref"], Roles.ProgramStaff);
        await User(users, "hc-staff", orgs["hc"], Roles.ProgramStaff);
        await User(users, "doctor", orgs["clinic"], Roles.Professional);
        await User(users, "new-admin", orgs["yonago"], Roles.OrgAdmin, twoFactor: false);
        return orgs.ToDictionary(o => o.Key, o => o.Value.Id);
    }

    private static async Task User(UserManager<AppUser> users, string name, Organisation org, string role, bool twoFactor = false)
    {
        var user = new AppUser { UserName = name, DisplayName = name, OrganisationId = org.Id };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        if (twoFactor)
        {
            Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", AuthenticatorKey));
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }
    }

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException(string.Join(" ", r.Errors.Select(e => e.Description)));
    }
}
