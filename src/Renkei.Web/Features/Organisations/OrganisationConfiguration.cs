using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Web.Features.Regions;

namespace Renkei.Web.Features.Organisations;

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.Kana).HasMaxLength(200);
        b.Property(o => o.CorporateNumber).HasMaxLength(13);
        b.Property(o => o.Address).HasMaxLength(300);
        b.Property(o => o.Phone).HasMaxLength(30);
        b.Property(o => o.Email).HasMaxLength(200);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasOne<Prefecture>().WithMany().HasForeignKey(o => o.PrefectureCode);
        b.HasOne<Municipality>().WithMany().HasForeignKey(o => o.MunicipalityCode);
        b.HasMany(o => o.Coverage).WithOne().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(o => new { o.PrefectureCode, o.MunicipalityCode, o.Kind });
    }
}

public sealed class HealthCentreCoverageConfiguration : IEntityTypeConfiguration<HealthCentreCoverage>
{
    public void Configure(EntityTypeBuilder<HealthCentreCoverage> b)
    {
        b.HasKey(c => new { c.OrganisationId, c.MunicipalityCode });
        b.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityCode);
    }
}
