using Microsoft.EntityFrameworkCore;
using Npgsql;
using Renkei.Web.Platform.Auditing;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;

namespace Renkei.Tests.Support;

/// <summary>
/// Which database the suite runs against. scripts/test runs it twice: with RENKEI_TEST_PROVIDER unset
/// (SQLite) and with RENKEI_TEST_PROVIDER=Postgres and RENKEI_TEST_POSTGRES set to a throwaway
/// server's admin connection string. Every factory gets a database of its own.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public static bool IsPostgres => string.Equals(Environment.GetEnvironmentVariable("RENKEI_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase);

    private readonly string? _adminConnection;
    private readonly string? _databaseName;

    public TestDatabase()
    {
        if (IsPostgres)
        {
            _adminConnection = Environment.GetEnvironmentVariable("RENKEI_TEST_POSTGRES")
                ?? throw new InvalidOperationException("RENKEI_TEST_PROVIDER=Postgres needs RENKEI_TEST_POSTGRES (admin connection string).");
            _databaseName = "renkei_t_" + Guid.NewGuid().ToString("N")[..12];
            using var conn = new NpgsqlConnection(_adminConnection);
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {_databaseName}", conn);
            cmd.ExecuteNonQuery();
            Settings = new()
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Postgres"] = new NpgsqlConnectionStringBuilder(_adminConnection) { Database = _databaseName }.ToString(),
            };
        }
        else
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), "renkei-test-" + Guid.NewGuid().ToString("N")[..12]);
            Settings = new() { ["Database:Provider"] = "Sqlite", ["Database:DataDirectory"] = DataDirectory };
        }
        Settings["Database:MigrateAtStartup"] = "true";
    }

    public Dictionary<string, string> Settings { get; }
    public string? DataDirectory { get; }

    /// <summary>A context straight on this database, outside any app instance (acts as the system).</summary>
    public RenkeiDb CreateContext(TenantScope? scope = null) => IsPostgres
        ? new PostgresRenkeiDb(new DbContextOptionsBuilder<PostgresRenkeiDb>().UseNpgsql(Settings["ConnectionStrings:Postgres"]).Options, Caller.Fixed(scope ?? TenantScope.System, AuditActor.System), TimeProvider.System)
        : new SqliteRenkeiDb(new DbContextOptionsBuilder<SqliteRenkeiDb>().UseSqlite($"Data Source={Path.Combine(DataDirectory!, "renkei.db")}").Options, Caller.Fixed(scope ?? TenantScope.System, AuditActor.System), TimeProvider.System);

    public void Dispose()
    {
        if (_databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var conn = new NpgsqlConnection(_adminConnection);
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", conn);
            cmd.ExecuteNonQuery();
        }
        else if (DataDirectory is not null && Directory.Exists(DataDirectory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
