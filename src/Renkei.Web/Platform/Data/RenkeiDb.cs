using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Features.Audit;
using Renkei.Web.Features.Organisations;
using Renkei.Web.Features.Program;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Auditing;
using Renkei.Web.Platform.Tenancy;
using Renkei.Web.Platform.Web;

namespace Renkei.Web.Platform.Data;

/// <summary>
/// The one database context. Provider-specific subclasses (<see cref="SqliteRenkeiDb"/>,
/// <see cref="PostgresRenkeiDb"/>) exist only so each provider keeps its own migration set.
/// Saving is where the cross-cutting rules live: version stamps, the tenant write guard and the audit trail.
/// </summary>
public abstract class RenkeiDb(DbContextOptions options, Caller caller, TimeProvider clock)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Prefecture> Prefectures => Set<Prefecture>();
    public DbSet<SecondaryArea> SecondaryAreas => Set<SecondaryArea>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<ReferenceDataState> ReferenceDataStates => Set<ReferenceDataState>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<HealthCentreCoverage> HealthCentreCoverages => Set<HealthCentreCoverage>();
    public DbSet<ItemArrangement> ItemArrangements => Set<ItemArrangement>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Features.Directory.Provider> Providers => Set<Features.Directory.Provider>();
    public DbSet<Features.Directory.Import.ImportRun> ImportRuns => Set<Features.Directory.Import.ImportRun>();
    public DbSet<Features.Surveys.Survey> Surveys => Set<Features.Surveys.Survey>();
    public DbSet<Features.Surveys.SurveyRecipient> SurveyRecipients => Set<Features.Surveys.SurveyRecipient>();
    public DbSet<Features.Surveys.SurveyAnswer> SurveyAnswers => Set<Features.Surveys.SurveyAnswer>();
    public DbSet<Features.Directory.ProviderContact> ProviderContacts => Set<Features.Directory.ProviderContact>();
    public DbSet<Features.Directory.MatchReview> MatchReviews => Set<Features.Directory.MatchReview>();
    public DbSet<Features.Councils.Council> Councils => Set<Features.Councils.Council>();
    public DbSet<Features.Councils.CouncilMember> CouncilMembers => Set<Features.Councils.CouncilMember>();
    public DbSet<Features.Councils.Meeting> Meetings => Set<Features.Councils.Meeting>();
    public DbSet<Features.Councils.MeetingAttendance> MeetingAttendance => Set<Features.Councils.MeetingAttendance>();
    public DbSet<Features.Councils.Attachment> Attachments => Set<Features.Councils.Attachment>();
    public DbSet<Features.Councils.AttachmentContent> AttachmentContents => Set<Features.Councils.AttachmentContent>();
    public DbSet<Features.Pdca.ProgramIssue> ProgramIssues => Set<Features.Pdca.ProgramIssue>();
    public DbSet<Features.Pdca.Goal> Goals => Set<Features.Pdca.Goal>();
    public DbSet<Features.Pdca.Countermeasure> Countermeasures => Set<Features.Pdca.Countermeasure>();
    public DbSet<Features.Pdca.CountermeasureEvaluation> CountermeasureEvaluations => Set<Features.Pdca.CountermeasureEvaluation>();
    public DbSet<Features.Pdca.PdcaYear> PdcaYears => Set<Features.Pdca.PdcaYear>();
    public DbSet<Features.Indicators.DataElement> DataElements => Set<Features.Indicators.DataElement>();
    public DbSet<Features.Indicators.Indicator> Indicators => Set<Features.Indicators.Indicator>();
    public DbSet<Features.Indicators.DataValue> DataValues => Set<Features.Indicators.DataValue>();
    public DbSet<Features.Indicators.IndicatorTarget> IndicatorTargets => Set<Features.Indicators.IndicatorTarget>();
    public DbSet<Features.Progress.ProgressRound> ProgressRounds => Set<Features.Progress.ProgressRound>();
    public DbSet<Features.Progress.ProgressResponse> ProgressResponses => Set<Features.Progress.ProgressResponse>();
    public DbSet<Features.Progress.ProgressItemAnswer> ProgressItemAnswers => Set<Features.Progress.ProgressItemAnswer>();
    public DbSet<Features.Areas.AreaRule> AreaRules => Set<Features.Areas.AreaRule>();
    public DbSet<Features.Areas.AreaRuleVersion> AreaRuleVersions => Set<Features.Areas.AreaRuleVersion>();
    public DbSet<Features.Areas.AreaDocumentContent> AreaDocumentContents => Set<Features.Areas.AreaDocumentContent>();
    public DbSet<Features.Areas.AreaRuleAdoption> AreaRuleAdoptions => Set<Features.Areas.AreaRuleAdoption>();
    public DbSet<Features.Areas.JointMeeting> JointMeetings => Set<Features.Areas.JointMeeting>();
    public DbSet<Features.Areas.HealthCentreActivity> HealthCentreActivities => Set<Features.Areas.HealthCentreActivity>();

    public TenantScope Scope => caller.Scope;

    /// <summary>The injected clock, for code that only has the context (e.g. demo seeding).</summary>
    public TimeProvider Clock => clock;

    /// <summary>
    /// Set by bulk importers: directory rows are then not audited one by one (a national file has
    /// hundreds of thousands); the importer writes one audit entry for the whole run instead.
    /// </summary>
    public bool BulkImport { get; set; }

    // Flat members so EF parameterizes the global query filters per context instance.
    private bool ReadAll => Scope.ReadAll;
    private List<string> ReadableMunicipalities => [.. Scope.Readable];
    private List<string> ReadablePrefectures => [.. Scope.ReadablePrefectures];

    private bool _writingAudit;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RenkeiDb).Assembly);
        // Every municipality's program data is filtered to the caller's read scope, whatever the page asks.
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)).ToList())
            builder.Entity(type.ClrType).HasQueryFilter(TenantFilter(type.ClrType, nameof(ReadableMunicipalities), nameof(ITenantOwned.MunicipalityCode)));
        // Likewise a prefecture's own data, to the organisations of that prefecture.
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IPrefectureOwned).IsAssignableFrom(t.ClrType)).ToList())
            builder.Entity(type.ClrType).HasQueryFilter(TenantFilter(type.ClrType, nameof(ReadablePrefectures), nameof(IPrefectureOwned.PrefectureCode)));
    }

    /// <summary>e => ReadAll || {readableList}.Contains(e.{codeProperty}), built for one entity type.</summary>
    private System.Linq.Expressions.LambdaExpression TenantFilter(Type clrType, string readableList, string codeProperty)
    {
        var e = System.Linq.Expressions.Expression.Parameter(clrType, "e");
        var self = System.Linq.Expressions.Expression.Constant(this, typeof(RenkeiDb));
        var readAll = System.Linq.Expressions.Expression.Property(self, nameof(ReadAll));
        var readable = System.Linq.Expressions.Expression.Property(self, readableList);
        var code = System.Linq.Expressions.Expression.Property(e, codeProperty);
        var contains = System.Linq.Expressions.Expression.Call(readable, typeof(List<string>).GetMethod(nameof(List<string>.Contains))!, code);
        return System.Linq.Expressions.Expression.Lambda(System.Linq.Expressions.Expression.OrElse(readAll, contains), e);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC; SQLite loses the kind, so restore it on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    // Both save paths apply the same rules; the synchronous one is used by framework code such as
    // the data-protection key store.
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (_writingAudit) return base.SaveChanges(acceptAllChangesOnSuccess);
        var pending = BeforeSave();
        using var tx = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var count = base.SaveChanges(acceptAllChangesOnSuccess);
        if (AddAuditEntries(pending)) WithAuditFlag(() => base.SaveChanges(true));
        tx?.Commit();
        return count;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_writingAudit) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var pending = BeforeSave();
        // The change and its audit entries commit together or not at all.
        await using var tx = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (AddAuditEntries(pending))
        {
            _writingAudit = true;
            try { await base.SaveChangesAsync(true, cancellationToken); }
            finally { _writingAudit = false; }
        }
        if (tx is not null) await tx.CommitAsync(cancellationToken);
        return count;
    }

    private List<AuditRecorder.Pending> BeforeSave()
    {
        ChangeTracker.DetectChanges();
        TenantWriteGuard.Check(ChangeTracker, Scope);
        VersionStamper.Stamp(ChangeTracker);
        return AuditRecorder.Capture(ChangeTracker, BulkImport);
    }

    private bool AddAuditEntries(List<AuditRecorder.Pending> pending)
    {
        AuditEntries.AddRange(pending.Select(p => p.ToEntry(caller.Actor, clock)));
        return pending.Count > 0;
    }

    private void WithAuditFlag(Action save)
    {
        _writingAudit = true;
        try { save(); }
        finally { _writingAudit = false; }
    }

    /// <summary>Records an audit entry that is not a change, e.g. a read of personal data or a sign-in.</summary>
    public async Task AuditAsync(string action, string? entityType = null, string? entityKey = null, string? details = null, string? municipalityCode = null, CancellationToken ct = default)
    {
        var actor = caller.Actor;
        AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Action = action,
            EntityType = entityType,
            EntityKey = entityKey,
            Changes = details,
            MunicipalityCode = municipalityCode,
            UserId = actor.UserId,
            UserName = actor.UserName,
            ActorOrganisationId = actor.OrganisationId,
            IpAddress = actor.IpAddress,
        });
        _writingAudit = true;
        try { await base.SaveChangesAsync(true, ct); }
        finally { _writingAudit = false; }
    }
}
