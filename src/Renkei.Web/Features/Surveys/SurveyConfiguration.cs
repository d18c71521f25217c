using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Web.Features.Directory;
using Renkei.Web.Features.Regions;

namespace Renkei.Web.Features.Surveys;

public sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.Property(s => s.Title).HasMaxLength(200);
        b.Property(s => s.CreatedBy).HasMaxLength(256);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(s => s.MunicipalityCode);
        b.HasMany(s => s.Recipients).WithOne().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.MunicipalityCode);
    }
}

public sealed class SurveyRecipientConfiguration : IEntityTypeConfiguration<SurveyRecipient>
{
    public void Configure(EntityTypeBuilder<SurveyRecipient> b)
    {
        b.Property(r => r.TokenHash).HasMaxLength(64);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.TokenHash).IsUnique();
        b.HasIndex(r => new { r.SurveyId, r.ProviderId }).IsUnique();
        b.HasIndex(r => r.ProviderId);
        b.HasOne<Provider>().WithMany().HasForeignKey(r => r.ProviderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.Property(a => a.Item).HasMaxLength(60);
        b.Property(a => a.Value).HasMaxLength(2000);
        b.Property(a => a.AcceptedBy).HasMaxLength(256);
        b.HasIndex(a => new { a.RecipientId, a.Item }).IsUnique();
    }
}
