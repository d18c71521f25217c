using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Web.Features.Regions;

namespace Renkei.Web.Features.Progress;

public sealed class ProgressRoundConfiguration : IEntityTypeConfiguration<ProgressRound>
{
    public void Configure(EntityTypeBuilder<ProgressRound> b)
    {
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.Notes).HasMaxLength(2000);
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Prefecture>().WithMany().HasForeignKey(r => r.PrefectureCode);
        b.HasIndex(r => new { r.PrefectureCode, r.AsOf });
    }
}

public sealed class ProgressResponseConfiguration : IEntityTypeConfiguration<ProgressResponse>
{
    public void Configure(EntityTypeBuilder<ProgressResponse> b)
    {
        b.Property(r => r.Notes).HasMaxLength(2000);
        b.Property(r => r.UpdatedBy).HasMaxLength(256);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<ProgressRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Municipality>().WithMany().HasForeignKey(r => r.MunicipalityCode);
        b.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.ResponseId).OnDelete(DeleteBehavior.Cascade);
        // One answer per municipality and round: a second create (double post, two staff at once) fails on the key.
        b.HasIndex(r => new { r.RoundId, r.MunicipalityCode }).IsUnique();
    }
}

public sealed class ProgressItemAnswerConfiguration : IEntityTypeConfiguration<ProgressItemAnswer>
{
    public void Configure(EntityTypeBuilder<ProgressItemAnswer> b)
    {
        b.Property(i => i.CommissionedTo).HasMaxLength(200);
        b.Property(i => i.Evidence).HasMaxLength(1000);
        b.HasIndex(i => new { i.ResponseId, i.Item }).IsUnique();
        b.HasIndex(i => i.MunicipalityCode);
    }
}
