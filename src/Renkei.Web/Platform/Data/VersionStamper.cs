using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Renkei.Web.Platform.Data;

/// <summary>Bumps <see cref="IVersioned.Version"/> on update; EF then checks the original value in the UPDATE's WHERE clause.</summary>
public static class VersionStamper
{
    public static void Stamp(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }
    }
}
