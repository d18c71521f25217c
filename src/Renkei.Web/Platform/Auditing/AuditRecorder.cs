using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Renkei.Web.Features.Accounts;
using Renkei.Web.Features.Audit;
using Renkei.Web.Features.Organisations;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Web;

namespace Renkei.Web.Platform.Auditing;

/// <summary>
/// Captures every change in a save as audit entries. Values are read before the save; keys are
/// read after it, so database-generated ids appear in the log.
/// </summary>
public static class AuditRecorder
{
    // Bulk reference data and infrastructure rows are not business records.
    private static readonly HashSet<Type> Unaudited =
    [
        typeof(AuditEntry), typeof(DataProtectionKey), typeof(FormSubmission),
        typeof(Prefecture), typeof(SecondaryArea), typeof(Municipality), typeof(ReferenceDataState),
        // A file's bytes (up to megabytes) would be copied into the log; its Attachment row (name, size, SHA-256) is the audited record.
        typeof(Features.Councils.AttachmentContent), typeof(Features.Areas.AreaDocumentContent),
    ];

    // Never write secrets into the log, only that they changed.
    private static readonly HashSet<string> Masked =
    [
        nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp), nameof(IdentityUser.ConcurrencyStamp),
        nameof(IdentityUserToken<string>.Value),
    ];

    // Fields Identity updates on every sign-in that would only add noise.
    private static readonly HashSet<string> Ignored = [nameof(IVersioned.Version)];

    public sealed class Pending(EntityEntry entry, string action, Dictionary<string, object?[]> changes)
    {
        public AuditEntry ToEntry(AuditActor actor, TimeProvider clock)
        {
            var parent = (entry.Entity as IAuditedUnder)?.AuditParent;
            return new()
            {
                AtUtc = clock.GetUtcNow().UtcDateTime,
                Action = action,
                EntityType = entry.Metadata.ClrType.Name,
                EntityKey = KeyOf(entry),
                ParentType = parent?.Type,
                ParentKey = parent?.Key,
                Changes = changes.Count == 0 ? null : JsonSerializer.Serialize(changes, JsonOptions),
                MunicipalityCode = MunicipalityOf(entry.Entity),
                SubjectOrganisationId = SubjectOrganisationOf(entry.Entity),
                UserId = actor.UserId,
                UserName = actor.UserName,
                ActorOrganisationId = actor.OrganisationId,
                IpAddress = actor.IpAddress,
            };
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    // Directory rows written by a bulk import are summarised by one entry for the run.
    private static readonly HashSet<Type> BulkImported =
    [
        typeof(Features.Directory.Provider), typeof(Features.Directory.ProviderIdentifier), typeof(Features.Directory.ProviderFunction),
        typeof(Features.Directory.Import.ImportRun),
    ];

    public static List<Pending> Capture(ChangeTracker tracker, bool bulkImport = false)
    {
        var result = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (Unaudited.Contains(entry.Metadata.ClrType)) continue;
            if (bulkImport && BulkImported.Contains(entry.Metadata.ClrType)) continue;
            var action = entry.State switch
            {
                EntityState.Added => AuditActions.Create,
                EntityState.Modified => AuditActions.Update,
                EntityState.Deleted => AuditActions.Delete,
                _ => null,
            };
            if (action is null) continue;
            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            result.Add(new Pending(entry, action, changes));
        }
        return result;
    }

    private static Dictionary<string, object?[]> Changes(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?[]>();
        foreach (var p in entry.Properties)
        {
            var name = p.Metadata.Name;
            if (Ignored.Contains(name) || p.Metadata.IsShadowProperty()) continue;
            var changed = entry.State switch
            {
                EntityState.Modified => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue),
                EntityState.Added => p.CurrentValue is not null && !p.IsTemporary,
                _ => p.OriginalValue is not null,
            };
            if (!changed) continue;
            object? before = entry.State == EntityState.Added ? null : p.OriginalValue;
            object? after = entry.State == EntityState.Deleted ? null : p.CurrentValue;
            changes[name] = Masked.Contains(name) ? ["***", "***"] : [before, after];
        }
        return changes;
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? "" : string.Join("/", key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }

    private static string? MunicipalityOf(object entity) => entity switch
    {
        ITenantOwned owned => owned.MunicipalityCode,
        IAuditedInMunicipality filed => filed.MunicipalityCode,
        Organisation org => org.MunicipalityCode,
        _ => null,
    };

    private static int? SubjectOrganisationOf(object entity) => entity switch
    {
        Organisation org => org.Id,
        AppUser user => user.OrganisationId,
        _ => null,
    };
}
