using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Web.Features.Regions;

namespace Renkei.Web.Features.Directory;

public sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> b)
    {
        b.Property(p => p.Name).HasMaxLength(300);
        b.Property(p => p.NameKana).HasMaxLength(300);
        b.Property(p => p.SearchKey).HasMaxLength(700);
        b.Property(p => p.ServiceCode).HasMaxLength(3);
        b.Property(p => p.Address).HasMaxLength(400);
        b.Property(p => p.Phone).HasMaxLength(30);
        b.Property(p => p.Fax).HasMaxLength(30);
        b.Property(p => p.Url).HasMaxLength(500);
        b.Property(p => p.Email).HasMaxLength(200);
        // 利用可能曜日 with its free-text 特記事項 runs to 263 characters in the national 訪問リハ file.
        b.Property(p => p.OpenDays).HasMaxLength(1000);
        b.Property(p => p.Departments).HasMaxLength(1000);
        b.Property(p => p.Hours).HasMaxLength(2000);
        b.Property(p => p.CorporateNumber).HasMaxLength(13);
        b.Property(p => p.CorporateName).HasMaxLength(300);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Property(p => p.FieldMeta).HasConversion(
            v => FieldMetaStorage.Serialize(v),
            v => FieldMetaStorage.Deserialize(v),
            // Equal when they would store the same JSON, decided without writing it (Import.FieldMetaJson.SameEntries).
            new ValueComparer<Dictionary<string, FieldMeta>>(
                (a, c) => Import.FieldMetaJson.SameEntries.Instance.Equals(a, c),
                v => Import.FieldMetaJson.SameEntries.Instance.GetHashCode(v),
                v => new Dictionary<string, FieldMeta>(v)));
        b.HasOne<Prefecture>().WithMany().HasForeignKey(p => p.PrefectureCode);
        b.HasOne<Municipality>().WithMany().HasForeignKey(p => p.MunicipalityCode);
        b.HasMany(p => p.Identifiers).WithOne().HasForeignKey(i => i.ProviderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Functions).WithOne().HasForeignKey(f => f.ProviderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Contacts).WithOne().HasForeignKey(c => c.ProviderId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.PrefectureCode, p.MunicipalityCode, p.Kind });
        // Area searches (二次医療圏, municipality) read ids and listing from the index alone on PostgreSQL.
        b.HasIndex(p => p.MunicipalityCode).IncludeProperties(p => new { p.Id, p.Listed });
        // Name order. With the id in the key and the listing included, PostgreSQL walks names without visiting the table
        // (ProviderSearch.PageAsync); SQLite keeps the row id in every index entry anyway and ignores the inclusion.
        b.HasIndex(p => new { p.SearchKey, p.Id }).HasDatabaseName("IX_Providers_SearchKey").IncludeProperties(p => p.Listed);
        // Nearest-provider search filters a bounding box first (ProviderSearch.RadiusKm).
        b.HasIndex(p => new { p.Latitude, p.Longitude });
        // The rows OpenWeekdaysBackfill looks at on every start (texts without derived days): a partial index of the few
        // such rows, so that a start does not read a national directory end to end. Same condition as the backfill's query.
        b.HasIndex(p => p.Id).HasDatabaseName("IX_Providers_OpenWeekdaysUnknown")
            .HasFilter("\"OpenWeekdays\" IS NULL AND (\"OpenDays\" IS NOT NULL OR \"Hours\" IS NOT NULL)");
    }
}

public sealed class ProviderIdentifierConfiguration : IEntityTypeConfiguration<ProviderIdentifier>
{
    public void Configure(EntityTypeBuilder<ProviderIdentifier> b)
    {
        b.Property(i => i.Value).HasMaxLength(40);
        b.HasIndex(i => new { i.Scheme, i.Value }).IsUnique();
    }
}

public sealed class ProviderFunctionConfiguration : IEntityTypeConfiguration<ProviderFunction>
{
    public void Configure(EntityTypeBuilder<ProviderFunction> b)
    {
        b.Property(f => f.Code).HasMaxLength(40);
        b.HasIndex(f => new { f.ProviderId, f.Code, f.Source }).IsUnique();
        // "Offers function X" is answered from the index alone on PostgreSQL (SQLite's unique index above serves it).
        b.HasIndex(f => f.Code).IncludeProperties(f => f.ProviderId);
    }
}

public sealed class ProviderContactConfiguration : IEntityTypeConfiguration<ProviderContact>
{
    public void Configure(EntityTypeBuilder<ProviderContact> b)
    {
        b.Ignore(c => c.ProviderMunicipalityCode);
        b.Property(c => c.Department).HasMaxLength(200);
        b.Property(c => c.Role).HasMaxLength(200);
        b.Property(c => c.PersonName).HasMaxLength(200);
        b.Property(c => c.Phone).HasMaxLength(30);
        b.Property(c => c.Fax).HasMaxLength(30);
        b.Property(c => c.Email).HasMaxLength(200);
        b.Property(c => c.Hours).HasMaxLength(200);
        b.Property(c => c.Notes).HasMaxLength(1000);
        b.Property(c => c.UpdatedBy).HasMaxLength(256);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.ProviderId, c.SortOrder });
    }
}

public sealed class MatchReviewConfiguration : IEntityTypeConfiguration<MatchReview>
{
    public void Configure(EntityTypeBuilder<MatchReview> b)
    {
        b.Property(r => r.ProviderLabel).HasMaxLength(800);
        b.Property(r => r.CandidateLabel).HasMaxLength(800);
        b.Property(r => r.Reason).HasMaxLength(300);
        b.Property(r => r.DecidedBy).HasMaxLength(256);
        b.Property(r => r.Version).IsConcurrencyToken();
        // A merge deletes one side; the review stays as the record of the decision.
        b.HasOne<Provider>().WithMany().HasForeignKey(r => r.ProviderId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Provider>().WithMany().HasForeignKey(r => r.CandidateId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(r => new { r.Status, r.CreatedAtUtc });
    }
}
