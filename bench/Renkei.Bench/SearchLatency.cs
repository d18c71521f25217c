using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Directory;
using Renkei.Web.Platform.Data;

namespace Renkei.Bench;

/// <summary>p50/p95 of the three searches the issue names (text search at three key lengths), each run as the page runs it (ProviderSearch.PageAsync: capped count + first page).</summary>
public static class SearchLatency
{
    private const int Runs = 200;

    public static async Task MeasureAsync(string label, Func<RenkeiDb> context)
    {
        var random = new Random(7);
        List<string> names;
        List<(string Code, string Pref, string? Area, double Lat, double Lng)> places;
        await using (var db = context())
        {
            // In id order: the same names on every run and on both databases (PostgreSQL returns an unordered scan in any order).
            names = await db.Providers.AsNoTracking().Where(p => p.Id % 97 == 0).OrderBy(p => p.Id).Select(p => p.Name).Take(2000).ToListAsync();
            places = (await db.Municipalities.AsNoTracking().Select(m => new { m.Code, m.PrefectureCode, m.SecondaryAreaCode, m.Latitude, m.Longitude }).ToListAsync())
                .Select(m => (m.Code, m.PrefectureCode, m.SecondaryAreaCode, m.Latitude, m.Longitude)).ToList();
        }
        var areas = places.Where(p => p.Area is not null).Select(p => p.Area!).Distinct().ToList();

        // Three characters through the trigram index; two (鳥取, 財団: the commonest searches in Japanese) and one, which it
        // cannot answer directly (see SqliteTextIndex and ProviderSearch.Candidates).
        foreach (var (length, what) in new[] { (3, "3 characters"), (2, "2 characters"), (1, "1 character") })
            await Report(label, $"text search ({what} of a real name, nationwide)", context, () =>
            {
                // Without spaces of either width: the search key drops them, and "　医誠" would be a two-character search.
                var name = string.Concat(names[random.Next(names.Count)].Where(c => !char.IsWhiteSpace(c)));
                var start = random.Next(Math.Max(1, name.Length - length));
                return new ProviderFilter { Q = name.Substring(start, Math.Min(length, name.Length - start)) };
            });
        await Report(label, "functions + 二次医療圏 (訪問診療, random area)", context, () =>
            new ProviderFilter { Area = areas[random.Next(areas.Count)], Fn = ["home-visit"] });
        await Report(label, "nearest 20 within 5 km (random municipality centroid)", context, () =>
        {
            var p = places[random.Next(places.Count)];
            return new ProviderFilter { Lat = p.Lat, Lng = p.Lng, RadiusKm = 5, Sort = "distance" };
        }, take: 20, count: false);
    }

    private static async Task Report(string label, string what, Func<RenkeiDb> context, Func<ProviderFilter> next, int take = 50, bool count = true)
    {
        var samples = new List<double>();
        var slowest = new List<(double Ms, string Filter)>();
        await using var db = context();
        var search = new ProviderSearch(db);
        for (var i = 0; i < Runs + 10; i++)
        {
            var filter = next();
            var sw = Stopwatch.StartNew();
            if (count)
            {
                await search.RowsAsync((await search.PageAsync(filter, 1, _ => "")).Query);
            }
            else
            {
                var (query, _) = await search.BuildAsync(filter);
                await search.RowsAsync(query.Take(take));
            }
            if (i >= 10) samples.Add(sw.Elapsed.TotalMilliseconds);
            slowest.Add((sw.Elapsed.TotalMilliseconds, $"Q={filter.Q} Area={filter.Area} Lat={filter.Lat:0.00} Lng={filter.Lng:0.00}"));
        }
        samples.Sort();
        if (Environment.GetEnvironmentVariable("RENKEI_BENCH_SLOWEST") is { Length: > 0 })
            foreach (var (ms, f) in slowest.OrderByDescending(x => x.Ms).Take(8)) Console.WriteLine($"    {ms,8:N1} ms  {f}");
        Console.WriteLine($"{label}: {what}: p50 {samples[Runs / 2],7:N1} ms   p95 {samples[(int)(Runs * 0.95)],7:N1} ms");
    }
}
