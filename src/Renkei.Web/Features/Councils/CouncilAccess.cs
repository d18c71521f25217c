using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;

namespace Renkei.Web.Features.Councils;

/// <summary>What the caller may do with one council, its meetings and its attachments.</summary>
public enum CouncilRight
{
    None = 0,
    /// <summary>A member organisation's user: sees the council, its meetings and materials, changes nothing.</summary>
    Member = 1,
    /// <summary>Staff who read the municipality (prefecture, health centre): everything, read-only.</summary>
    Read = 2,
    /// <summary>Staff of the municipality: edit.</summary>
    Write = 3,
}

/// <summary>
/// The one place that decides who sees a council. Staff go by the tenant scope. Member organisations
/// (a clinic, a 医師会) read no municipality at all, so for them the council is looked up past the tenant
/// query filter and allowed only when their organisation is on its member list; every other page then
/// reads the council's children by council id after this check.
/// </summary>
public static class CouncilAccess
{
    public static CouncilRight RightOn(TenantScope scope, ClaimsPrincipal user, string municipalityCode, bool isMember)
    {
        var staff = StaffOnlyAttribute.Allows(user);
        if (staff && scope.CanWrite(municipalityCode)) return CouncilRight.Write;
        if (staff && scope.CanRead(municipalityCode)) return CouncilRight.Read;
        return isMember ? CouncilRight.Member : CouncilRight.None;
    }

    /// <returns>The council and the caller's right, or (null, None) when the caller may not see it (pages answer 404, so its existence is not revealed).</returns>
    public static async Task<(Council? Council, CouncilRight Right)> FindAsync(RenkeiDb db, ClaimsPrincipal user, int councilId, CancellationToken ct = default)
    {
        var council = await db.Councils.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(c => c.Id == councilId, ct);
        if (council is null) return (null, CouncilRight.None);
        var right = RightOn(db.Scope, user, council.MunicipalityCode, await IsMemberAsync(db, user, councilId, ct));
        return right == CouncilRight.None ? (null, CouncilRight.None) : (council, right);
    }

    public static async Task<bool> IsMemberAsync(RenkeiDb db, ClaimsPrincipal user, int councilId, CancellationToken ct = default)
    {
        if (user.GetOrganisationId() is not { } org) return false;
        return await db.CouncilMembers.IgnoreQueryFilters().AnyAsync(m => m.CouncilId == councilId && m.OrganisationId == org, ct);
    }

    /// <summary>The meeting and the right on its council.</summary>
    public static async Task<(Meeting? Meeting, Council? Council, CouncilRight Right)> FindMeetingAsync(RenkeiDb db, ClaimsPrincipal user, int meetingId, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.IgnoreQueryFilters().AsNoTracking().Include(m => m.Attendance).SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null) return (null, null, CouncilRight.None);
        var (council, right) = await FindAsync(db, user, meeting.CouncilId, ct);
        return council is null ? (null, null, CouncilRight.None) : (meeting, council, right);
    }
}
