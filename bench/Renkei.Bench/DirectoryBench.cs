using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Renkei.Web.Features.Directory;
using Renkei.Web.Features.Directory.Import;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;

namespace Renkei.Bench;

/// <summary>
/// The directory at national size: (1) import rate of the real public files through the product's
/// importer; (2) a synthetic directory of N providers drawn from those real rows (kind, service,
/// functions and name kept; municipality drawn in proportion to its 75+ population; position jittered
/// around the municipality's centroid), then p50/p95 of text search, functions + area filter, and the
/// nearest 20 within 5 km, through the product's ProviderSearch.
/// </summary>
public static class DirectoryBench
{
    public static async Task RunAsync(int providers)
    {
        var dir = Path.Combine(Path.GetTempPath(), "renkei-bench-dir-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(dir);
        try
        {
            var sqlite = $"Data Source={Path.Combine(dir, "bench.db")}";
            await RunOnAsync("SQLite", () => new SqliteRenkeiDb(new DbContextOptionsBuilder<SqliteRenkeiDb>().UseSqlite(sqlite).Options, Caller.System, TimeProvider.System), providers);
            if (Environment.GetEnvironmentVariable("RENKEI_BENCH_POSTGRES") is { Length: > 0 } admin)
            {
                var name = "renkei_bench_" + Guid.NewGuid().ToString("N")[..8];
                await using (var c = new NpgsqlConnection(admin)) { await c.OpenAsync(); await new NpgsqlCommand($"CREATE DATABASE {name}", c).ExecuteNonQueryAsync(); }
                var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
                try { await RunOnAsync("PostgreSQL", () => new PostgresRenkeiDb(new DbContextOptionsBuilder<PostgresRenkeiDb>().UseNpgsql(cs).Options, Caller.System, TimeProvider.System), providers); }
                finally
                {
                    NpgsqlConnection.ClearAllPools();
                    await using var c = new NpgsqlConnection(admin);
                    await c.OpenAsync();
                    await new NpgsqlCommand($"DROP DATABASE {name} WITH (FORCE)", c).ExecuteNonQueryAsync();
                }
            }
            else
            {
                Console.WriteLine("PostgreSQL: not measured (set RENKEI_BENCH_POSTGRES to an admin connection string)");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(dir, true);
        }
    }

    private static async Task RunOnAsync(string label, Func<RenkeiDb> context, int providers)
    {
        await using (var db = context())
        {
            await DatabaseSetup.MigrateAsync(db);
            await new ReferenceDataLoader(db, TimeProvider.System, NullLogger<ReferenceDataLoader>.Instance).LoadAsync(ReferenceDataLoader.DefaultDirectory);
        }
        var (rows, seconds) = await ImportRealFilesAsync(context);
        Console.WriteLine($"{label}: import of the real public files: {rows:N0} rows in {seconds:N1} s = {rows / seconds:N0} rows/s");
        var sw = Stopwatch.StartNew();
        var total = await SyntheticDirectory.FillAsync(context, providers);
        Console.WriteLine($"{label}: synthetic directory: {total:N0} providers written in {sw.Elapsed.TotalSeconds:N1} s");
        await SearchLatency.MeasureAsync(label, context);
    }

    private static async Task<(int Rows, double Seconds)> ImportRealFilesAsync(Func<RenkeiDb> context)
    {
        var shared = Path.Combine(RepoRoot.Find(), "..", "shared", "data");
        var files = System.IO.Directory.GetFiles(Path.Combine(shared, "kaigo-opendata"), "jigyosho_*.csv").Select(f => (ImportKind.KaigoOpenData, f))
            .Append((ImportKind.Iryojoho, Path.Combine(shared, "iryojoho-net", "01-1_hospital_facility_info_20250601.csv")))
            .Concat(System.IO.Directory.GetFiles(Path.Combine(shared, "kouseikyoku"), "*.xlsx").Select(f => (ImportKind.Kouseikyoku, f)));
        var rows = 0;
        var sw = Stopwatch.StartNew();
        foreach (var (kind, file) in files)
        {
            await using var db = context();
            var service = new DirectoryImportService(db, new DirectoryImporter(db, TimeProvider.System, new SourceMatcher(db)), NullLogger<DirectoryImportService>.Instance);
            var (plan, _) = await service.ImportAsync(kind, file, Path.GetFileName(file), null, false, true, "bench");
            rows += plan.New.Count + plan.Changed.Count + plan.Unchanged + plan.File.Rejected.Count;
        }
        return (rows, sw.Elapsed.TotalSeconds);
    }
}
