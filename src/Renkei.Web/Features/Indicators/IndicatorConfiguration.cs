using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Web.Features.Regions;

namespace Renkei.Web.Features.Indicators;

public sealed class DataElementConfiguration : IEntityTypeConfiguration<DataElement>
{
    public void Configure(EntityTypeBuilder<DataElement> b)
    {
        b.Property(e => e.Code).HasMaxLength(80);
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Unit).HasMaxLength(40);
        b.Property(e => e.Rule).HasMaxLength(200);
        b.Property(e => e.Description).HasMaxLength(2000);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(e => e.MunicipalityCode);
        b.HasIndex(e => e.Code).IsUnique();
    }
}

public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.Property(i => i.Code).HasMaxLength(80);
        b.Property(i => i.Name).HasMaxLength(200);
        b.Property(i => i.Category).HasMaxLength(100);
        b.Property(i => i.Unit).HasMaxLength(40);
        b.Property(i => i.Definition).HasMaxLength(2000);
        b.Property(i => i.Source).HasMaxLength(500);
        b.Property(i => i.Factor).HasPrecision(18, 6);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(i => i.MunicipalityCode);
        b.HasOne<DataElement>().WithMany().HasForeignKey(i => i.NumeratorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DataElement>().WithMany().HasForeignKey(i => i.DenominatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => i.Code).IsUnique();
    }
}

public sealed class DataValueConfiguration : IEntityTypeConfiguration<DataValue>
{
    public void Configure(EntityTypeBuilder<DataValue> b)
    {
        b.Property(v => v.Value).HasPrecision(18, 4);
        b.Property(v => v.Note).HasMaxLength(1000);
        b.Property(v => v.UpdatedBy).HasMaxLength(256);
        b.Property(v => v.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(v => v.MunicipalityCode);
        b.HasOne<DataElement>().WithMany().HasForeignKey(v => v.DataElementId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.MunicipalityCode, v.DataElementId, v.FiscalYear }).IsUnique();
    }
}

public sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> b)
    {
        b.Property(t => t.Value).HasPrecision(18, 4);
        b.Property(t => t.Note).HasMaxLength(1000);
        b.Property(t => t.UpdatedBy).HasMaxLength(256);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(t => t.MunicipalityCode);
        b.HasOne<Indicator>().WithMany().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.MunicipalityCode, t.IndicatorId, t.FiscalYear }).IsUnique();
    }
}
