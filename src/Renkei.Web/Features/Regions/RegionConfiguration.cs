using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renkei.Web.Features.Regions;

public sealed class PrefectureConfiguration : IEntityTypeConfiguration<Prefecture>
{
    public void Configure(EntityTypeBuilder<Prefecture> b)
    {
        b.HasKey(p => p.Code);
        b.Property(p => p.Code).HasMaxLength(2);
        b.Property(p => p.Name).HasMaxLength(10);
        b.Property(p => p.Kana).HasMaxLength(20);
    }
}

public sealed class SecondaryAreaConfiguration : IEntityTypeConfiguration<SecondaryArea>
{
    public void Configure(EntityTypeBuilder<SecondaryArea> b)
    {
        b.HasKey(a => a.Code);
        b.Property(a => a.Code).HasMaxLength(4);
        b.Property(a => a.Name).HasMaxLength(40);
        b.HasOne<Prefecture>().WithMany().HasForeignKey(a => a.PrefectureCode);
    }
}

public sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> b)
    {
        b.HasKey(m => m.Code);
        b.Property(m => m.Code).HasMaxLength(6);
        b.Property(m => m.Name).HasMaxLength(40);
        b.Property(m => m.Kana).HasMaxLength(80);
        b.HasOne<Prefecture>().WithMany().HasForeignKey(m => m.PrefectureCode);
        b.HasOne<SecondaryArea>().WithMany().HasForeignKey(m => m.SecondaryAreaCode);
        b.HasIndex(m => m.PrefectureCode);
        b.HasIndex(m => m.SecondaryAreaCode);
    }
}

public sealed class ReferenceDataStateConfiguration : IEntityTypeConfiguration<ReferenceDataState>
{
    public void Configure(EntityTypeBuilder<ReferenceDataState> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.ContentHash).HasMaxLength(64);
    }
}
