using System.Globalization;
using Renkei.Bench;

// Renkei benchmark. Run: dotnet run -c Release --project bench/Renkei.Bench [startup|directory] [providers]
//   startup:   starts the real app (SQLite) as a separate process: start-up time to the first page, memory, request latencies.
//   directory: import rate of the real public files and search latency on a national-size synthetic directory
//              (SQLite; also PostgreSQL when RENKEI_BENCH_POSTGRES holds an admin connection string).
//              `directory 0` measures the import only; RENKEI_BENCH_KEEP=<folder> keeps the databases and reuses them
//              (searches only) on the next run; RENKEI_BENCH_SLOWEST=1 lists each search's slowest queries.
var what = args.Length > 0 ? args[0] : "all";
if (what is "directory" or "all")
{
    await DirectoryBench.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 600_000);
    if (what == "directory") return 0;
}
var configuration = "Release";
var root = RepoRoot.Find();
var app = Path.Combine(root, "src", "Renkei.Web", "bin", configuration, "net10.0", "Renkei.Web.dll");
if (!File.Exists(app))
{
    Console.Error.WriteLine($"bench: {app} がありません。dotnet run -c {configuration} --project bench/Renkei.Bench で実行してください。");
    return 1;
}
var dataDir = Path.Combine(Path.GetTempPath(), "renkei-bench-" + Guid.NewGuid().ToString("N")[..8]);
try
{
    Console.WriteLine($"Renkei benchmark ({configuration}, SQLite, {Environment.ProcessorCount} cores, {TimeProvider.System.GetLocalNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})");
    // First start: empty database → migrations, reference data (1,912 municipalities, population workbook) and demo.
    await using (var first = await AppProcess.StartAsync(app, dataDir))
    {
        Console.WriteLine($"first start (empty database) to first page: {first.StartupMs,8:N0} ms   memory (RSS) after first page: {first.RssMb(),6:N0} MB");
    }
    await using var warm = await AppProcess.StartAsync(app, dataDir);
    Console.WriteLine($"restart (existing database) to first page:   {warm.StartupMs,8:N0} ms   memory (RSS) after first page: {warm.RssMb(),6:N0} MB");
    foreach (var path in new[] { "/regions", "/regions/31", "/api/regions/prefectures", "/api/regions/areas/2208", "/health" })
    {
        var (p50, p95) = await Latency.MeasureAsync(warm.Client, path, warmup: 20, count: 300);
        Console.WriteLine($"GET {path,-28} p50 {p50,6:N1} ms   p95 {p95,6:N1} ms   (300 sequential requests)");
    }
    Console.WriteLine($"memory (RSS) after the requests: {warm.RssMb():N0} MB");
    return 0;
}
finally
{
    if (Directory.Exists(dataDir)) Directory.Delete(dataDir, recursive: true);
}
