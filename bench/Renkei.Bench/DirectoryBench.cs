using System.Diagnostics;
using System.Runtime;
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
        Console.WriteLine($"machine: {MachineSpeed.Describe()}");
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
                    await MeasureImportIntoFullAsync(label, context);
                    return;
                }
            }
        }
        await using (var db = context())
        {
            await DatabaseSetup.MigrateAsync(db);
            await new ReferenceDataLoader(db, TimeProvider.System, NullLogger<ReferenceDataLoader>.Instance).LoadAsync(ReferenceDataLoader.DefaultDirectory);
        }
        var first = await ImportRealFilesAsync(label, context);
        Console.WriteLine($"{label}: import of the real public files, the first in this process: {first}");
        if (label == "SQLite") await MeasureWarmImportAsync();
        Console.WriteLine($"{label}: the same files again (all unchanged): {await ImportRealFilesAsync(label, context)}");
        if (providers == 0) return;
        var sw = Stopwatch.StartNew();
        var total = await SyntheticDirectory.FillAsync(context, providers);
        Console.WriteLine($"{label}: synthetic directory: {total:N0} providers written in {sw.Elapsed.TotalSeconds:N1} s");
        await SearchLatency.MeasureAsync(label, context);
        await MeasureImportIntoFullAsync(label, context);
    }

    /// <summary>
    /// The real files into the national-size directory: first as new providers (their providers, the only ones with
    /// identifiers, are removed before), then again, all unchanged, as a monthly refresh would find them. The indexes are
    /// deep and far larger than the page cache. New rows are the matcher's worst case here: a synthetic provider has no
    /// identifier, as if entered by hand, so every one of the rows' kind and service in their municipalities is a
    /// candidate and is read (in a directory built from the public files nearly every provider carries one).
    /// </summary>
    private static async Task MeasureImportIntoFullAsync(string label, Func<RenkeiDb> context)
    {
        await using (var db = context())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            var removed = await db.Providers.Where(p => db.Set<ProviderIdentifier>().Any(i => i.ProviderId == p.Id)).ExecuteDeleteAsync();
            Console.WriteLine($"{label}: removed the {removed:N0} providers of the real files from the directory of {await db.Providers.CountAsync() + removed:N0}");
        }
        Console.WriteLine($"{label}: import of the real public files as new providers into the national-size directory (every synthetic provider a match candidate): {await ImportRealFilesAsync(label, context)}");
        Console.WriteLine($"{label}: the same files again into the national-size directory (all unchanged): {await ImportRealFilesAsync(label, context)}");
    }

    /// <summary>
    /// The same import into new empty directories by a process that has imported before, as a running server does
    /// after its first import: the first import in a process also pays for compiling the code it runs. Median of three.
    /// </summary>
    private static async Task MeasureWarmImportAsync()
    {
        const int rounds = 3;
        var runs = new List<ImportRate>();
        for (var round = 0; round < rounds; round++)
        {
            var file = Path.Combine(Path.GetTempPath(), "renkei-bench-warm-" + Guid.NewGuid().ToString("N")[..8] + ".db");
            try
            {
                Func<RenkeiDb> context = () => new SqliteRenkeiDb(new DbContextOptionsBuilder<SqliteRenkeiDb>().UseSqlite($"Data Source={file}").Options, Caller.System, TimeProvider.System);
                await using (var db = context())
                {
                    await DatabaseSetup.MigrateAsync(db);
                    await new ReferenceDataLoader(db, TimeProvider.System, NullLogger<ReferenceDataLoader>.Instance).LoadAsync(ReferenceDataLoader.DefaultDirectory);
                }
                runs.Add(await ImportRealFilesAsync($"SQLite, warm {round + 1}", context));
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                foreach (var part in new[] { file, file + "-wal", file + "-shm" }) File.Delete(part);
            }
        }
        runs.Sort((a, b) => a.Seconds.CompareTo(b.Seconds));
        Console.WriteLine($"SQLite: the same import into an empty directory, process warm (median of {rounds}): {runs[rounds / 2]}; fastest {runs[0].Seconds:N2} s, slowest {runs[^1].Seconds:N2} s");
    }

    /// <summary>
    /// What an import of the real files did and how fast. Rows are the files' data rows, all read, checked and mapped
    /// (a 厚生局 list has a row per 届出 and continuation rows: about 14,000 rows for about 1,550 facilities); providers
    /// are the records those rows make (new, changed, unchanged or rejected). Both rates are printed.
    /// </summary>
    private sealed record ImportRate(int Rows, int Providers, double Seconds)
    {
        public override string ToString() =>
            $"{Rows:N0} file rows ({Providers:N0} providers) in {Seconds:N2} s = {Rows / Seconds:N0} rows/s ({Providers / Seconds:N0} providers/s)";
    }

    private static async Task<ImportRate> ImportRealFilesAsync(string label, Func<RenkeiDb> context)
    {
        var shared = Path.Combine(RepoRoot.Find(), "..", "shared", "data");
        var files = System.IO.Directory.GetFiles(Path.Combine(shared, "kaigo-opendata"), "jigyosho_*.csv").Select(f => (ImportKind.KaigoOpenData, f))
            .Append((ImportKind.Iryojoho, Path.Combine(shared, "iryojoho-net", "01-1_hospital_facility_info_20250601.csv")))
            .Concat(System.IO.Directory.GetFiles(Path.Combine(shared, "kouseikyoku"), "*.xlsx").Select(f => (ImportKind.Kouseikyoku, f)));
        await CompilerQuiet.WaitAsync(label);
        var (gen0, gen2, pause, allocated) = (GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (jitted, jitTime) = (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());
        var sw = Stopwatch.StartNew();
        await using var db = context();
        var service = new DirectoryImportService(db, new DirectoryImporter(db, TimeProvider.System, new SourceMatcher(db)), NullLogger<DirectoryImportService>.Instance);
        // The product's batch import: each file planned and applied in its own transaction, the next one read meanwhile.
        var outcomes = await service.ImportManyAsync([.. files.Select(f => new ImportSource(f.Item1, f.Item2, Path.GetFileName(f.Item2)))], null, false, "bench");
        var seconds = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"{label}:   CPU time {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:N0} ms (both cores: reading overlaps writing); GC: {GC.CollectionCount(0) - gen0} collections ({GC.CollectionCount(2) - gen2} full), paused {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:N0} ms, allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0:N0} MB; "
            + $"JIT: {JitInfo.GetCompiledMethodCount() - jitted:N0} methods compiled in {(JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:N0} ms (either core)");
        var (rows, providers) = (0, 0);
        var phases = new List<string>();
        foreach (var o in outcomes)
        {
            var n = o.Plan.New.Count + o.Plan.Changed.Count + o.Plan.Unchanged + o.Plan.File.Rejected.Count;
            (rows, providers) = (rows + o.Plan.File.RowsRead, providers + n);
            phases.Add($"{o.Source.DisplayName} {o.Plan.File.RowsRead:N0} rows, {n:N0} providers: read {o.ReadMs:N0} (alongside the file before) / plan {o.PlanMs:N0} / apply {o.ApplyMs:N0} ms");
        }
        Console.WriteLine($"{label}:   " + string.Join(Environment.NewLine + $"{label}:   ", phases));
        return new ImportRate(rows, providers, seconds);
    }
}
