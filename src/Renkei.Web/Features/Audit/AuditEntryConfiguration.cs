using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renkei.Web.Features.Audit;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.Action).HasMaxLength(40);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityKey).HasMaxLength(200);
        b.Property(a => a.ParentType).HasMaxLength(100);
        b.Property(a => a.ParentKey).HasMaxLength(200);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.IpAddress).HasMaxLength(64);
        b.Property(a => a.MunicipalityCode).HasMaxLength(6);
        b.HasIndex(a => a.AtUtc);
        b.HasIndex(a => a.ActorOrganisationId);
        b.HasIndex(a => a.SubjectOrganisationId);
        b.HasIndex(a => a.MunicipalityCode);
        // A record's history with its parts' (a provider's page): EntityType/EntityKey are not indexed, the log is read
        // by time and municipality elsewhere.
        b.HasIndex(a => new { a.EntityType, a.EntityKey });
        b.HasIndex(a => new { a.ParentType, a.ParentKey });
    }
}
