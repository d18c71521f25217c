using System.Security.Claims;
using Renkei.Web.Platform.Tenancy;

namespace Renkei.Web.Platform.Auditing;

/// <summary>Who is acting and from where: stamped on every audit entry. Scoped per request.</summary>
public sealed record AuditActor(string? UserId, string UserName, int? OrganisationId, string? IpAddress)
{
    public static readonly AuditActor System = new(null, "system", null, null);

    public static AuditActor FromHttp(HttpContext http)
    {
        var user = http.User;
        var ip = http.Connection.RemoteIpAddress?.ToString();
        if (user.Identity?.IsAuthenticated != true) return new AuditActor(null, "anonymous", null, ip);
        return new AuditActor(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name ?? "", user.GetOrganisationId(), ip);
    }
}
