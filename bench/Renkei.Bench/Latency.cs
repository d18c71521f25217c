using System.Diagnostics;

namespace Renkei.Bench;

public static class Latency
{
    public static async Task<(double P50, double P95)> MeasureAsync(HttpClient client, string path, int warmup, int count)
    {
        for (var i = 0; i < warmup; i++) (await client.GetAsync(path)).EnsureSuccessStatusCode();
        var samples = new double[count];
        for (var i = 0; i < count; i++)
        {
            var sw = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            samples[i] = sw.Elapsed.TotalMilliseconds;
            response.EnsureSuccessStatusCode();
        }
        Array.Sort(samples);
        return (samples[count / 2], samples[(int)(count * 0.95)]);
    }
}

public static class RepoRoot
{
    public static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Renkei.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Renkei.slnx not found");
    }
}
