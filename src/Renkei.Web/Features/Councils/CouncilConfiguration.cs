using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Web.Features.Organisations;
using Renkei.Web.Features.Regions;

namespace Renkei.Web.Features.Councils;

public sealed class CouncilConfiguration : IEntityTypeConfiguration<Council>
{
    public void Configure(EntityTypeBuilder<Council> b)
    {
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Purpose).HasMaxLength(2000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityCode);
        b.HasOne<Council>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CouncilId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Meetings).WithOne().HasForeignKey(m => m.CouncilId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.MunicipalityCode);
    }
}

public sealed class CouncilMemberConfiguration : IEntityTypeConfiguration<CouncilMember>
{
    public void Configure(EntityTypeBuilder<CouncilMember> b)
    {
        b.Property(m => m.OrganisationName).HasMaxLength(200);
        b.Property(m => m.PersonName).HasMaxLength(100);
        b.Property(m => m.Role).HasMaxLength(50);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.Property(m => m.Title).HasMaxLength(200);
        b.Property(m => m.Agenda).HasMaxLength(4000);
        b.Property(m => m.Minutes).HasMaxLength(20000);
        b.Property(m => m.Decisions).HasMaxLength(4000);
        b.Property(m => m.UpdatedBy).HasMaxLength(256);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.MunicipalityCode, m.HeldOn });
    }
}

public sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> b)
    {
        b.Property(a => a.GuestName).HasMaxLength(100);
        b.HasOne<CouncilMember>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.Property(a => a.OwnerType).HasMaxLength(40);
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.UploadedBy).HasMaxLength(256);
        b.HasIndex(a => new { a.OwnerType, a.OwnerId });
        b.HasOne<AttachmentContent>().WithOne().HasForeignKey<AttachmentContent>(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> b) => b.HasKey(c => c.AttachmentId);
}
