using System.Globalization;
using System.Security.Claims;

namespace Renkei.Web.Platform.Tenancy;

/// <summary>Claim types Renkei adds to the sign-in cookie. Kept in the cookie (not in server memory) so any app instance can serve any request.</summary>
public static class RenkeiClaims
{
    public const string OrganisationId = "renkei:org";
    public const string OrganisationKind = "renkei:orgkind";
    public const string OrganisationName = "renkei:orgname";
    public const string PrefectureCode = "renkei:pref";
    public const string MunicipalityCode = "renkei:muni";
    public const string DisplayName = "renkei:name";
    public const string ReadMunicipality = "renkei:read";
    public const string WriteMunicipality = "renkei:write";
    public const string AllMunicipalities = "*";
    public const string ReadPrefecture = "renkei:pref-read";
    public const string WritePrefecture = "renkei:pref-write";

    public static int? GetOrganisationId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(OrganisationId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string? GetMunicipalityCode(this ClaimsPrincipal user) => user.FindFirstValue(MunicipalityCode);

    public static string? GetPrefectureCode(this ClaimsPrincipal user) => user.FindFirstValue(PrefectureCode);

    public static string GetDisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";
}
