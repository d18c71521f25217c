using Renkei.Web.Features.Admin;
using Renkei.Web.Platform.Tenancy;

namespace Renkei.Web.Features.Audit;

/// <summary>
/// Which audit entries an administrator may read: a system admin all; an organisation admin those
/// their organisation's people did, those about their organisation or its accounts, and those on
/// records of the municipalities they may write.
/// </summary>
public static class AuditAccess
{
    public static IQueryable<AuditEntry> Visible(IQueryable<AuditEntry> entries, AdminScope admin, TenantScope scope)
    {
        if (admin.All) return entries;
        var org = admin.OrganisationId;
        var municipalities = scope.Writable.ToList();
        return entries.Where(a => a.ActorOrganisationId == org || a.SubjectOrganisationId == org
            || (a.MunicipalityCode != null && municipalities.Contains(a.MunicipalityCode)));
    }
}
