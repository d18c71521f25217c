using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Web.Features.Organisations;
using Renkei.Web.Features.Regions;

namespace Renkei.Web.Features.Program;

public sealed class ItemArrangementConfiguration : IEntityTypeConfiguration<ItemArrangement>
{
    public void Configure(EntityTypeBuilder<ItemArrangement> b)
    {
        b.HasIndex(a => new { a.MunicipalityCode, a.Item }).IsUnique();
        b.Property(a => a.Department).HasMaxLength(100);
        b.Property(a => a.Contact).HasMaxLength(200);
        b.Property(a => a.Notes).HasMaxLength(2000);
        b.Property(a => a.UpdatedBy).HasMaxLength(256);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityCode);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.ContractorOrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}
