using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Web.Features.Councils;
using Renkei.Web.Features.Organisations;
using Renkei.Web.Features.Regions;

namespace Renkei.Web.Features.Areas;

public sealed class AreaRuleConfiguration : IEntityTypeConfiguration<AreaRule>
{
    public void Configure(EntityTypeBuilder<AreaRule> b)
    {
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.Description).HasMaxLength(4000);
        b.Property(r => r.UpdatedBy).HasMaxLength(256);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<SecondaryArea>().WithMany().HasForeignKey(r => r.SecondaryAreaCode);
        b.HasMany(r => r.Versions).WithOne().HasForeignKey(v => v.RuleId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.PrefectureCode, r.SecondaryAreaCode });
    }
}

public sealed class AreaRuleVersionConfiguration : IEntityTypeConfiguration<AreaRuleVersion>
{
    public void Configure(EntityTypeBuilder<AreaRuleVersion> b)
    {
        b.Property(v => v.Label).HasMaxLength(50);
        b.Property(v => v.Changes).HasMaxLength(4000);
        b.Property(v => v.FileName).HasMaxLength(255);
        b.Property(v => v.ContentType).HasMaxLength(100);
        b.Property(v => v.Sha256).HasMaxLength(64);
        b.Property(v => v.CreatedBy).HasMaxLength(256);
        b.HasIndex(v => new { v.RuleId, v.Label }).IsUnique();
    }
}

public sealed class AreaDocumentContentConfiguration : IEntityTypeConfiguration<AreaDocumentContent>
{
    public void Configure(EntityTypeBuilder<AreaDocumentContent> b)
    {
        b.HasKey(c => c.VersionId);
        b.HasOne<AreaRuleVersion>().WithOne().HasForeignKey<AreaDocumentContent>(c => c.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AreaRuleAdoptionConfiguration : IEntityTypeConfiguration<AreaRuleAdoption>
{
    public void Configure(EntityTypeBuilder<AreaRuleAdoption> b)
    {
        b.Property(a => a.Note).HasMaxLength(1000);
        b.Property(a => a.RecordedBy).HasMaxLength(256);
        b.HasOne<AreaRuleVersion>().WithMany().HasForeignKey(a => a.VersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityCode);
        b.HasIndex(a => new { a.VersionId, a.MunicipalityCode }).IsUnique();
    }
}

public sealed class JointMeetingConfiguration : IEntityTypeConfiguration<JointMeeting>
{
    public void Configure(EntityTypeBuilder<JointMeeting> b)
    {
        b.Property(m => m.Title).HasMaxLength(200);
        b.Property(m => m.Host).HasMaxLength(200);
        b.Property(m => m.ParticipantCodes).HasMaxLength(2000);
        b.Property(m => m.Summary).HasMaxLength(4000);
        b.Property(m => m.UpdatedBy).HasMaxLength(256);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasOne<SecondaryArea>().WithMany().HasForeignKey(m => m.SecondaryAreaCode);
        b.HasOne<Meeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(m => new { m.PrefectureCode, m.SecondaryAreaCode, m.HeldOn });
    }
}

public sealed class HealthCentreActivityConfiguration : IEntityTypeConfiguration<HealthCentreActivity>
{
    public void Configure(EntityTypeBuilder<HealthCentreActivity> b)
    {
        b.Property(a => a.Title).HasMaxLength(200);
        b.Property(a => a.Description).HasMaxLength(4000);
        b.Property(a => a.UpdatedBy).HasMaxLength(256);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<SecondaryArea>().WithMany().HasForeignKey(a => a.SecondaryAreaCode);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(a => new { a.PrefectureCode, a.SecondaryAreaCode, a.FiscalYear });
    }
}
