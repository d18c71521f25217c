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
    /// <param name="providers">Size of the synthetic directory; 0 measures the import only (no fill, no searches).</param>
    public static async Task RunAsync(int providers)
    {
        // RENKEI_BENCH_KEEP=<folder>: keep the databases (<folder>/bench.db, PostgreSQL database renkei_bench_keep) and, on
        // the next run, reuse them when they already hold the directory: only the searches are measured again.
        var keep = Environment.GetEnvironmentVariable("RENKEI_BENCH_KEEP") is { Length: > 0 } k ? k : null;
        var dir = keep ?? Path.Combine(Path.GetTempPath(), "renkei-bench-dir-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(dir);
        try
        {
            var sqlite = $"Data Source={Path.Combine(dir, "bench.db")}";
            await RunOnAsync("SQLite", () => new SqliteRenkeiDb(new DbContextOptionsBuilder<SqliteRenkeiDb>().UseSqlite(sqlite).Options, Caller.System, TimeProvider.System), providers);
            if (Environment.GetEnvironmentVariable("RENKEI_BENCH_POSTGRES") is { Length: > 0 } admin)
            {
                var name = keep is null ? "renkei_bench_" + Guid.NewGuid().ToString("N")[..8] : "renkei_bench_keep";
                await using (var c = new NpgsqlConnection(admin))
                {
                    await c.OpenAsync();
                    var exists = await new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{name}'", c).ExecuteScalarAsync() is not null;
                    if (!exists) await new NpgsqlCommand($"CREATE DATABASE {name}", c).ExecuteNonQueryAsync();
                }
                var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
                try { await RunOnAsync("PostgreSQL", () => new PostgresRenkeiDb(new DbContextOptionsBuilder<PostgresRenkeiDb>().UseNpgsql(cs).Options, Caller.System, TimeProvider.System), providers); }
                finally
                {
                    NpgsqlConnection.ClearAllPools();
                    if (keep is null)
                    {
                        await using var c = new NpgsqlConnection(admin);
                        await c.OpenAsync();
                        await new NpgsqlCommand($"DROP DATABASE {name} WITH (FORCE)", c).ExecuteNonQueryAsync();
                    }
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
            if (keep is null) System.IO.Directory.Delete(dir, true);
        }
    }

    private static async Task RunOnAsync(string label, Func<RenkeiDb> context, int providers)
    {
        await using (var db = context())
        {
            if (providers > 0 && await db.Database.CanConnectAsync() && (await db.Database.GetAppliedMigrationsAsync()).Any())
            {
                await DatabaseSetup.MigrateAsync(db);
                if (await db.Providers.CountAsync() >= providers)
                {
                    Console.WriteLine($"{label}: reusing the kept directory of {await db.Providers.CountAsync():N0} providers (searches only)");
                    await SearchLatency.MeasureAsync(label, context);
                    return;
                }
            }
        }
        await using (var db = context())
        {
            await DatabaseSetup.MigrateAsync(db);
            await new ReferenceDataLoader(db, TimeProvider.System, NullLogger<ReferenceDataLoader>.Instance).LoadAsync(ReferenceDataLoader.DefaultDirectory);
        }
        var (rows, seconds) = await ImportRealFilesAsync(label, context);
        Console.WriteLine($"{label}: import of the real public files: {rows:N0} rows in {seconds:N1} s = {rows / seconds:N0} rows/s");
        var (again, againSeconds) = await ImportRealFilesAsync(label, context);
        Console.WriteLine($"{label}: the same files again (all unchanged): {again:N0} rows in {againSeconds:N1} s = {again / againSeconds:N0} rows/s");
        if (providers == 0) return;
        var sw = Stopwatch.StartNew();
        var total = await SyntheticDirectory.FillAsync(context, providers);
        Console.WriteLine($"{label}: synthetic directory: {total:N0} providers written in {sw.Elapsed.TotalSeconds:N1} s");
        await SearchLatency.MeasureAsync(label, context);
    }

    private static async Task<(int Rows, double Seconds)> ImportRealFilesAsync(string label, Func<RenkeiDb> context)
    {
        var shared = Path.Combine(RepoRoot.Find(), "..", "shared", "data");
        var files = System.IO.Directory.GetFiles(Path.Combine(shared, "kaigo-opendata"), "jigyosho_*.csv").Select(f => (ImportKind.KaigoOpenData, f))
            .Append((ImportKind.Iryojoho, Path.Combine(shared, "iryojoho-net", "01-1_hospital_facility_info_20250601.csv")))
            .Concat(System.IO.Directory.GetFiles(Path.Combine(shared, "kouseikyoku"), "*.xlsx").Select(f => (ImportKind.Kouseikyoku, f)));
        var sw = Stopwatch.StartNew();
        await using var db = context();
        var service = new DirectoryImportService(db, new DirectoryImporter(db, TimeProvider.System, new SourceMatcher(db)), NullLogger<DirectoryImportService>.Instance);
        // The product's batch import: each file planned and applied in its own transaction, the next one read meanwhile.
        var outcomes = await service.ImportManyAsync([.. files.Select(f => new ImportSource(f.Item1, f.Item2, Path.GetFileName(f.Item2)))], null, false, "bench");
        var seconds = sw.Elapsed.TotalSeconds;
        var rows = 0;
        var phases = new List<string>();
        foreach (var o in outcomes)
        {
            var n = o.Plan.New.Count + o.Plan.Changed.Count + o.Plan.Unchanged + o.Plan.File.Rejected.Count;
            rows += n;
            phases.Add($"{o.Source.DisplayName} {n:N0} rows: read {o.ReadMs:N0} (alongside the file before) / plan {o.PlanMs:N0} / apply {o.ApplyMs:N0} ms");
        }
        Console.WriteLine($"{label}:   " + string.Join(Environment.NewLine + $"{label}:   ", phases));
        return (rows, seconds);
    }
}
