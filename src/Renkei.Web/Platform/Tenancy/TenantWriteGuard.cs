using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Renkei.Web.Features.Organisations;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Platform.Tenancy;

/// <summary>
/// Refuses, at save time, any change to another tenant's records: the last line of defence
/// behind the pages' own checks, so a forgotten check cannot leak a write.
/// </summary>
public static class TenantWriteGuard
{
    public static void Check(ChangeTracker tracker, TenantScope scope)
    {
        if (scope.WriteAll) return;
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var onBehalf = entry.Entity is IPrefectureProxy;
            foreach (var code in OwningMunicipalities(entry))
            {
                if (!(onBehalf ? scope.CanWriteOnBehalf(code) : scope.CanWrite(code)))
                {
                    throw new TenantAccessDeniedException($"{entry.Metadata.ClrType.Name} of municipality {code ?? "(none)"} is outside the caller's scope.");
                }
            }
            foreach (var code in OwningPrefectures(entry))
            {
                if (!scope.CanWritePrefecture(code))
                {
                    throw new TenantAccessDeniedException($"{entry.Metadata.ClrType.Name} of prefecture {code ?? "(none)"} is outside the caller's scope.");
                }
            }
        }
    }

    private static IEnumerable<string?> OwningPrefectures(EntityEntry entry)
    {
        if (entry.Entity is not IPrefectureOwned) yield break;
        yield return (string?)entry.Property(nameof(IPrefectureOwned.PrefectureCode)).CurrentValue;
        if (entry.State == EntityState.Modified) yield return (string?)entry.Property(nameof(IPrefectureOwned.PrefectureCode)).OriginalValue;
    }

    // Both the current and the original owner must be writable: a record may not be moved in or out of a tenant.
    private static IEnumerable<string?> OwningMunicipalities(EntityEntry entry)
    {
        switch (entry.Entity)
        {
            case ITenantOwned:
                yield return (string?)entry.Property(nameof(ITenantOwned.MunicipalityCode)).CurrentValue;
                if (entry.State == EntityState.Modified) yield return (string?)entry.Property(nameof(ITenantOwned.MunicipalityCode)).OriginalValue;
                break;
            case Organisation:
                // Organisations outside any municipality (prefecture, health centre) are only for system admins.
                yield return (string?)entry.Property(nameof(Organisation.MunicipalityCode)).CurrentValue;
                if (entry.State == EntityState.Modified) yield return (string?)entry.Property(nameof(Organisation.MunicipalityCode)).OriginalValue;
                break;
        }
    }
}
