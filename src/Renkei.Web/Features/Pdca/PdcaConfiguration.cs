using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Renkei.Web.Features.Councils;
using Renkei.Web.Features.Organisations;
using Renkei.Web.Features.Regions;

namespace Renkei.Web.Features.Pdca;

public sealed class ProgramIssueConfiguration : IEntityTypeConfiguration<ProgramIssue>
{
    public void Configure(EntityTypeBuilder<ProgramIssue> b)
    {
        b.Property(i => i.Statement).HasMaxLength(1000);
        b.Property(i => i.Evidence).HasMaxLength(4000);
        b.Property(i => i.UpdatedBy).HasMaxLength(256);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(i => i.MunicipalityCode);
        b.HasOne<Meeting>().WithMany().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(i => new { i.MunicipalityCode, i.FiscalYear });
    }
}

public sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> b)
    {
        b.Property(g => g.Statement).HasMaxLength(1000);
        b.Property(g => g.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(g => g.MunicipalityCode);
        b.HasMany(g => g.Issues).WithOne().HasForeignKey(l => l.GoalId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(g => g.MunicipalityCode);
    }
}

public sealed class GoalIssueConfiguration : IEntityTypeConfiguration<GoalIssue>
{
    public void Configure(EntityTypeBuilder<GoalIssue> b)
    {
        b.HasKey(l => new { l.GoalId, l.IssueId });
        b.HasOne<ProgramIssue>().WithMany().HasForeignKey(l => l.IssueId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CountermeasureConfiguration : IEntityTypeConfiguration<Countermeasure>
{
    public void Configure(EntityTypeBuilder<Countermeasure> b)
    {
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Description).HasMaxLength(4000);
        b.Property(c => c.Owner).HasMaxLength(200);
        b.Property(c => c.UpdatedBy).HasMaxLength(256);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityCode);
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OwnerOrganisationId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(c => c.Issues).WithOne().HasForeignKey(l => l.CountermeasureId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Evaluations).WithOne().HasForeignKey(e => e.CountermeasureId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.MunicipalityCode);
    }
}

public sealed class CountermeasureIssueConfiguration : IEntityTypeConfiguration<CountermeasureIssue>
{
    public void Configure(EntityTypeBuilder<CountermeasureIssue> b)
    {
        b.HasKey(l => new { l.CountermeasureId, l.IssueId });
        b.HasOne<ProgramIssue>().WithMany().HasForeignKey(l => l.IssueId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CountermeasureEvaluationConfiguration : IEntityTypeConfiguration<CountermeasureEvaluation>
{
    public void Configure(EntityTypeBuilder<CountermeasureEvaluation> b)
    {
        b.Property(e => e.Text).HasMaxLength(4000);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => new { e.CountermeasureId, e.FiscalYear }).IsUnique();
    }
}

public sealed class PdcaYearConfiguration : IEntityTypeConfiguration<PdcaYear>
{
    public void Configure(EntityTypeBuilder<PdcaYear> b)
    {
        b.Property(y => y.Summary).HasMaxLength(4000);
        b.Property(y => y.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(y => y.MunicipalityCode);
        b.HasOne<PdcaYear>().WithMany().HasForeignKey(y => y.CarriedFromId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(y => y.Steps).WithOne().HasForeignKey(s => s.PdcaYearId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(y => y.Decisions).WithOne().HasForeignKey(d => d.PdcaYearId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(y => new { y.MunicipalityCode, y.FiscalYear }).IsUnique();
    }
}

public sealed class PdcaPlanStepConfiguration : IEntityTypeConfiguration<PdcaPlanStep>
{
    public void Configure(EntityTypeBuilder<PdcaPlanStep> b)
    {
        b.Property(s => s.Note).HasMaxLength(4000);
        b.Property(s => s.Evidence).HasMaxLength(4000);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => new { s.PdcaYearId, s.Step }).IsUnique();
    }
}

public sealed class PdcaDecisionConfiguration : IEntityTypeConfiguration<PdcaDecision>
{
    public void Configure(EntityTypeBuilder<PdcaDecision> b)
    {
        b.Property(d => d.Text).HasMaxLength(2000);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<PdcaDecision>().WithMany().HasForeignKey(d => d.CarriedFromId).OnDelete(DeleteBehavior.Restrict);
    }
}
