using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Renkei.Web.Platform.Web;

public sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> b)
    {
        b.HasKey(f => f.Token);
        b.Property(f => f.Token).HasMaxLength(64);
        b.HasIndex(f => f.AtUtc);
    }
}
