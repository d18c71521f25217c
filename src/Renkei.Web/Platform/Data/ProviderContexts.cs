using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Renkei.Web.Platform.Tenancy;

namespace Renkei.Web.Platform.Data;

/// <summary>SQLite, the embedded default. Migrations in Platform/Data/Migrations/Sqlite.</summary>
public sealed class SqliteRenkeiDb(DbContextOptions<SqliteRenkeiDb> options, Caller caller, TimeProvider clock)
    : RenkeiDb(options, caller, clock);

/// <summary>PostgreSQL, the production path. Migrations in Platform/Data/Migrations/Postgres.</summary>
public sealed class PostgresRenkeiDb(DbContextOptions<PostgresRenkeiDb> options, Caller caller, TimeProvider clock)
    : RenkeiDb(options, caller, clock);

// Design-time factories: used only by `dotnet ef` (scripts/add-migration) to build each migration set.
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteRenkeiDb>
{
    public SqliteRenkeiDb CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteRenkeiDb>().UseSqlite("Data Source=design.db").Options,
        Caller.System, TimeProvider.System);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresRenkeiDb>
{
    public PostgresRenkeiDb CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresRenkeiDb>().UseNpgsql("Host=localhost;Database=renkei_design").Options,
        Caller.System, TimeProvider.System);
}
