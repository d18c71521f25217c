using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Directory;
using Renkei.Web.Platform.Data;

namespace Renkei.Bench;

/// <summary>Fills the directory up to N providers by drawing from the real rows already imported (see DirectoryBench).</summary>
public static class SyntheticDirectory
{
    public static async Task<int> FillAsync(Func<RenkeiDb> context, int target)
    {
        List<Provider> templates;
        List<(string Code, string Pref, double Lat, double Lng, int Weight)> places;
        await using (var db = context())
        {
            templates = await db.Providers.AsNoTracking().Include(p => p.Functions).ToListAsync();
            places = (await db.Municipalities.AsNoTracking().Where(m => m.Kind != Renkei.Web.Features.Regions.MunicipalityKind.DesignatedCity)
                .Select(m => new { m.Code, m.PrefectureCode, m.Latitude, m.Longitude, W = m.Population75Plus ?? 0 }).ToListAsync())
                .Where(m => m.W > 0).Select(m => (m.Code, m.PrefectureCode, m.Latitude, m.Longitude, m.W)).ToList();
        }
        var cumulative = new long[places.Count];
        long sum = 0;
        for (var i = 0; i < places.Count; i++) cumulative[i] = sum += places[i].Weight;
        var random = new Random(20261122);
        var toWrite = Math.Max(0, target - templates.Count);
        const int batch = 20_000;
        for (var written = 0; written < toWrite; written += batch)
        {
            await using var db = context();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.BulkImport = true;
            for (var i = 0; i < Math.Min(batch, toWrite - written); i++)
            {
                var t = templates[random.Next(templates.Count)];
                var place = places[Array.BinarySearch(cumulative, random.NextInt64(sum)) is var k && k < 0 ? ~k : k];
                var p = new Provider
                {
                    Kind = t.Kind, ServiceCode = t.ServiceCode, Name = t.Name + " " + (written + i), NameKana = t.NameKana,
                    SearchKey = t.SearchKey + (written + i), PrefectureCode = place.Pref, MunicipalityCode = place.Code,
                    Address = t.Address, Phone = t.Phone, OpenDays = t.OpenDays,
                    Latitude = place.Lat + Gaussian(random) * 0.03, Longitude = place.Lng + Gaussian(random) * 0.03,
                    CoordinatePrecision = CoordinatePrecision.Exact, FieldMeta = [],
                };
                p.Functions.AddRange(t.Functions.Select(f => new ProviderFunction { Code = f.Code, Since = f.Since, Source = f.Source }));
                db.Providers.Add(p);
            }
            await db.SaveChangesAsync();
        }
        await using var count = context();
        return await count.Providers.CountAsync();
    }

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
