using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Regions;

/// <summary>
/// Loads the shipped reference data idempotently: skipped when the database already holds the
/// same file contents (by hash); otherwise parsed and validated in full first, then upserted in
/// one transaction, so a bad file leaves the database as it was.
/// </summary>
public sealed class ReferenceDataLoader(RenkeiDb db, TimeProvider clock, ILogger<ReferenceDataLoader> log)
{
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "ReferenceData");

    /// <returns>True when data were written, false when already current.</returns>
    public async Task<bool> LoadAsync(string directory, CancellationToken ct = default)
    {
        var state = await db.ReferenceDataStates.FindAsync([1], ct);
        var hash = ReferenceDataParser.ContentHash(directory);
        if (state?.ContentHash == hash)
        {
            log.LogDebug("Reference data current ({Hash})", hash[..12]);
            return false;
        }
        var set = ReferenceDataParser.Parse(directory);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await Upsert(db.Prefectures, set.Prefectures, p => p.Code, ct);
        await Upsert(db.SecondaryAreas, set.SecondaryAreas, a => a.Code, ct);
        await Upsert(db.Municipalities, set.Municipalities, m => m.Code, ct);
        state ??= db.ReferenceDataStates.Add(new ReferenceDataState { ContentHash = "" }).Entity;
        state.ContentHash = set.ContentHash;
        state.LoadedAtUtc = clock.GetUtcNow().UtcDateTime;
        state.Prefectures = set.Prefectures.Count;
        state.SecondaryAreas = set.SecondaryAreas.Count;
        state.Municipalities = set.Municipalities.Count;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Reference data loaded: {Prefectures} prefectures, {Areas} secondary areas, {Municipalities} municipalities",
            state.Prefectures, state.SecondaryAreas, state.Municipalities);
        return true;
    }

    private static async Task Upsert<T>(DbSet<T> set, IReadOnlyList<T> rows, Func<T, string> key, CancellationToken ct) where T : class
    {
        var existing = (await set.ToListAsync(ct)).ToDictionary(key);
        foreach (var row in rows)
        {
            if (existing.TryGetValue(key(row), out var current)) set.Entry(current).CurrentValues.SetValues(row);
            else set.Add(row);
        }
    }
}
