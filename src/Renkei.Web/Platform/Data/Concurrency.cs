using Microsoft.EntityFrameworkCore;

namespace Renkei.Web.Platform.Data;

/// <summary>The one message and checks for a save that lost a race with someone else's.</summary>
public static class Concurrency
{
    public const string Message =
        "保存できませんでした。この画面を開いた後に、他の人がこのデータを更新しています。入力内容を控えてから画面を開き直し、最新の内容を確認してください。";

    /// <summary>
    /// Deletes a record the user saw at <paramref name="version"/>. False, and nothing deleted, when someone saved it
    /// since: deleting what another person has just changed would lose their change unseen.
    /// </summary>
    public static async Task<bool> TryDeleteAsync<T>(DbContext db, T entity, long version, CancellationToken ct) where T : class, IVersioned
    {
        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = version;
        db.Remove(entity);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>A unique-key violation: two people created the same record at once (SQLite 19 / PostgreSQL 23505).</summary>
    public static bool IsDuplicateKey(DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19,
        Npgsql.PostgresException p => p.SqlState == "23505",
        _ => false,
    };
}
