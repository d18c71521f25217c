using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Renkei.Web.Platform.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Configuration section "Database" (see README: configuration).</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>Folder of the SQLite file; relative paths are from the working directory.</summary>
    public string DataDirectory { get; set; } = "data";
    /// <summary>Apply migrations at start. Default: yes for SQLite, no for PostgreSQL (use the `migrate` command).</summary>
    public bool? MigrateAtStartup { get; set; }

    public bool ShouldMigrateAtStartup => MigrateAtStartup ?? Provider == DatabaseProvider.Sqlite;

    public string SqliteFile => Path.GetFullPath(Path.Combine(DataDirectory, "renkei.db"));
}

public static class DatabaseSetup
{
    // Queries that include several collections (a provider's identifiers, functions and contacts; a PDCA year's steps
    // and decisions) load them in one query: each parent has a handful of each, so the joined rows stay few, and one
    // query reads one consistent state. Said once here rather than left to EF's default, which warns at every start.
    private const QuerySplittingBehavior Splitting = QuerySplittingBehavior.SingleQuery;

    public static DatabaseOptions AddRenkeiDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            var cs = configuration.GetConnectionString("Postgres")
                ?? throw new StartupException("Database:Provider が Postgres ですが ConnectionStrings:Postgres が設定されていません。");
            services.AddDbContext<RenkeiDb, PostgresRenkeiDb>(o => o.UseNpgsql(cs, n => n.UseQuerySplittingBehavior(Splitting)));
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(options.SqliteFile)!);
            var cs = new SqliteConnectionStringBuilder { DataSource = options.SqliteFile, Pooling = true, DefaultTimeout = 30 }.ToString();
            services.AddDbContext<RenkeiDb, SqliteRenkeiDb>(o => o.UseSqlite(cs, q => q.UseQuerySplittingBehavior(Splitting)));
        }
        return options;
    }

    /// <summary>Applies migrations; for SQLite also switches the file to WAL so readers do not block the writer.</summary>
    public static async Task MigrateAsync(RenkeiDb db, CancellationToken ct = default)
    {
        await CheckConnectionAsync(db, ct);
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await EnsureRolesAsync(db, ct);
    }

    /// <summary>
    /// Opens a connection once, so that a database that cannot be reached stops start-up and commands with a Japanese
    /// line naming what to check (<see cref="StartupException"/>), not with the driver's exception and its trace.
    /// </summary>
    public static async Task CheckConnectionAsync(RenkeiDb db, CancellationToken ct = default)
    {
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.CloseConnectionAsync();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or ArgumentException or InvalidOperationException or TimeoutException)
        {
            var check = db.Database.IsNpgsql() ? "ConnectionStrings:Postgres の接続先・ユーザー・パスワードと、PostgreSQL サーバーが起動しているか"
                : "Database:DataDirectory のフォルダーに書き込めるか";
            throw new StartupException($"データベースに接続できません（{e.GetBaseException().Message}）。{check}を確認してください。", e); // the base: EF wraps the driver's reason
        }
    }

    private static async Task EnsureRolesAsync(RenkeiDb db, CancellationToken ct)
    {
        var existing = await db.Roles.Select(r => r.Name ?? "").ToListAsync(ct);
        foreach (var role in Features.Accounts.Roles.All.Except(existing))
        {
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        }
        await db.SaveChangesAsync(ct);
    }
}
