using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Directory;

/// <summary>The filters of the directory search, as they come from the query string (page and API share them).</summary>
public sealed class ProviderFilter
{
    public string? Q { get; set; }
    public string? Pref { get; set; }
    public string? Area { get; set; }
    public string? Muni { get; set; }
    public ProviderKind? Kind { get; set; }
    public string? Service { get; set; }
    public List<string> Fn { get; set; } = [];
    /// <summary>Only providers known to be open on this day (<see cref="Provider.OpenWeekdays"/>); unknown days are left out.</summary>
    public Weekdays? Open { get; set; }
    /// <summary>"name" (default) or "distance" from <see cref="Lat"/>/<see cref="Lng"/> or the centroid of <see cref="Near"/>.</summary>
    public string? Sort { get; set; }
    public double? Lat { get; set; }
    public double? Lng { get; set; }
    public string? Near { get; set; }
    /// <summary>With an origin: only providers within this many kilometres (a bounding box, then exact ranking).</summary>
    public double? RadiusKm { get; set; }
    public bool IncludeUnlisted { get; set; }
    /// <summary>Only providers that consented to publication (forced on the residents' page).</summary>
    public bool ConsentedOnly { get; set; }
}

public sealed record ProviderRow(int Id, ProviderKind Kind, string? ServiceCode, string Name, string? MunicipalityCode, string? Address,
    string? Phone, double? Latitude, double? Longitude, bool Listed, IReadOnlyList<string> Functions);

/// <summary>
/// Directory search: text (normalised: width, kana, spaces, 異体字), kind and service, functions (all
/// selected), prefecture / 二次医療圏 / municipality; ordered by name or by distance from a point.
/// </summary>
public sealed partial class ProviderSearch(RenkeiDb db)
{
    /// <summary>Every match, in the page's order (exports, map and booklet read all of it; the pages use <see cref="PageAsync"/>).</summary>
    public async Task<(IQueryable<Provider> Query, (double Lat, double Lng)? Origin)> BuildAsync(ProviderFilter f, CancellationToken ct = default)
    {
        var prepared = await PrepareAsync(f, ct);
        return (Order(Matches(f, prepared), f, prepared.Origin), prepared.Origin);
    }

    /// <summary>
    /// What a search needs to know before its query is built: the point distances are measured from, and on SQLite the
    /// text index's MATCH expression for the key (<see cref="SqliteTextIndex.MatchAsync"/>; null: match by LIKE).
    /// </summary>
    private sealed record Prepared((double Lat, double Lng)? Origin, string? Key, string? IndexMatch);

    private async Task<Prepared> PrepareAsync(ProviderFilter f, CancellationToken ct)
    {
        var key = JapaneseText.SearchKey(f.Q) is { Length: > 0 } k ? k : null;
        var match = key is not null && db.Database.IsSqlite() ? await SqliteTextIndex.MatchAsync(db, key, ct) : null;
        return new Prepared(await OriginAsync(f, ct), key, match);
    }

    /// <summary>Every provider the filter matches, in no order.</summary>
    private IQueryable<Provider> Matches(ProviderFilter f, Prepared prepared) => Filter(Candidates(prepared), f, prepared);

    /// <summary>
    /// The providers a search starts from: all, or on PostgreSQL for a key of one or two characters (too short for its
    /// pg_trgm index; the commonest searches in Japanese, 鳥取, 財団) those whose key holds it, found through the GIN
    /// index over each key's characters and character pairs (renkei_short_keys, migration ShortKeySearch).
    /// </summary>
    private IQueryable<Provider> Candidates(Prepared prepared)
    {
        if (prepared.Key is not { } key || JapaneseText.Characters(key) >= 3 || !db.Database.IsNpgsql()) return db.Providers.AsNoTracking();
        // The expression must read exactly as the index's for PostgreSQL to use it.
        return db.Providers.FromSqlInterpolated($"SELECT * FROM \"Providers\" WHERE renkei_short_keys(\"SearchKey\") @> ARRAY[{key}]").AsNoTracking();
    }

    /// <param name="scanText">Match the text by reading each key (for a walk down the name index, which reads the keys anyway)
    /// instead of through the text index.</param>
    private IQueryable<Provider> Filter(IQueryable<Provider> query, ProviderFilter f, Prepared prepared, bool scanText = false)
    {
        if (!f.IncludeUnlisted) query = query.Where(p => p.Listed);
        if (f.ConsentedOnly) query = query.Where(p => p.PublicationConsent);
        if (!string.IsNullOrEmpty(f.Pref)) query = query.Where(p => p.PrefectureCode == f.Pref);
        if (!string.IsNullOrEmpty(f.Muni)) query = query.Where(p => p.MunicipalityCode == f.Muni);
        if (!string.IsNullOrEmpty(f.Area))
        {
            var inArea = db.Municipalities.Where(m => m.SecondaryAreaCode == f.Area).Select(m => m.Code);
            query = query.Where(p => p.MunicipalityCode != null && inArea.Contains(p.MunicipalityCode));
        }
        if (f.Kind is { } kind) query = query.Where(p => p.Kind == kind);
        if (!string.IsNullOrEmpty(f.Service)) query = query.Where(p => p.ServiceCode == f.Service);
        foreach (var code in f.Fn.Where(FunctionCatalog.IsKnown).Distinct())
            query = query.Where(p => p.Functions.Any(x => x.Code == code));
        if (prepared.Key is { } key)
            query = scanText ? query.Where(p => p.SearchKey.Contains(key))
                : prepared.IndexMatch is { } match ? SqliteTextIndex.Matching(db, query, match) : Like(query, key);
        if (f.Open is { } open && open != Weekdays.None && (open & ~OpenWeekdaysText.Everyday) == 0)
            query = query.Where(p => p.OpenWeekdays != null && (p.OpenWeekdays.Value & open) == open);

        if (f.RadiusKm is { } radius && prepared.Origin is { } centre)
        {
            // 1° of latitude ≈ 111 km; a degree of longitude shrinks with the cosine of the latitude.
            var dLat = radius / 111.0;
            var dLng = radius / (111.0 * Math.Cos(centre.Lat * Math.PI / 180));
            var (minLat, maxLat, minLng, maxLng) = (centre.Lat - dLat, centre.Lat + dLat, centre.Lng - dLng, centre.Lng + dLng);
            query = query.Where(p => p.Latitude >= minLat && p.Latitude <= maxLat && p.Longitude >= minLng && p.Longitude <= maxLng);
        }
        return query;
    }

    private static bool ByDistance(ProviderFilter f, (double Lat, double Lng)? origin) => f.Sort == "distance" && origin is not null;

    /// <param name="sortMatches">Order by an expression no index provides, so the database sorts the matches instead of walking
    /// the name index (same order; see <see cref="PageAsync"/>).</param>
    private static IQueryable<Provider> Order(IQueryable<Provider> query, ProviderFilter f, (double Lat, double Lng)? origin, bool sortMatches = false)
    {
        if (ByDistance(f, origin) && origin is { } o)
        {
            // Equirectangular distance is exact enough to rank within a region and translates to plain SQL.
            var k = Math.Cos(o.Lat * Math.PI / 180);
            return query.Where(p => p.Latitude != null)
                .OrderBy(p => (p.Latitude!.Value - o.Lat) * (p.Latitude!.Value - o.Lat) + (p.Longitude!.Value - o.Lng) * k * (p.Longitude!.Value - o.Lng) * k)
                .ThenBy(p => p.Id);
        }
        return sortMatches ? query.OrderBy(p => p.SearchKey + "").ThenBy(p => p.Id) : query.OrderBy(p => p.SearchKey).ThenBy(p => p.Id);
    }

    /// <summary>
    /// Substring match on the normalised key by LIKE: on PostgreSQL through its pg_trgm index (keys of three characters or
    /// more; shorter ones are narrowed by <see cref="Candidates"/> first), on SQLite for a key so common that its text
    /// index leaves it to a scan (see <see cref="SqliteTextIndex"/>).
    /// </summary>
    private static IQueryable<Provider> Like(IQueryable<Provider> query, string key)
    {
        var pattern = "%" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        return query.Where(p => EF.Functions.Like(p.SearchKey, pattern, "\\"));
    }

    /// <summary>One page of rows with their function codes (two queries: SQLite cannot nest a collection in a projection).</summary>
    public async Task<List<ProviderRow>> RowsAsync(IQueryable<Provider> page, CancellationToken ct = default)
    {
        var rows = await page.Select(p => new { p.Id, p.Kind, p.ServiceCode, p.Name, p.MunicipalityCode, p.Address, p.Phone, p.Latitude, p.Longitude, p.Listed }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var functions = (await db.Set<ProviderFunction>().AsNoTracking().Where(f => ids.Contains(f.ProviderId)).Select(f => new { f.ProviderId, f.Code }).ToListAsync(ct))
            .ToLookup(f => f.ProviderId, f => f.Code);
        return [.. rows.Select(r => new ProviderRow(r.Id, r.Kind, r.ServiceCode, r.Name, r.MunicipalityCode, r.Address, r.Phone, r.Latitude, r.Longitude, r.Listed,
            [.. functions[r.Id].Distinct()]))];
    }

    private async Task<(double Lat, double Lng)?> OriginAsync(ProviderFilter f, CancellationToken ct)
    {
        if (f.Lat is { } lat && f.Lng is { } lng && lat is > 20 and < 46 && lng is > 122 and < 154) return (lat, lng);
        var code = f.Near ?? f.Muni;
        if (string.IsNullOrEmpty(code)) return null;
        var m = await db.Municipalities.AsNoTracking().Where(x => x.Code == code).Select(x => new { x.Latitude, x.Longitude }).SingleOrDefaultAsync(ct);
        return m is null ? null : (m.Latitude, m.Longitude);
    }

    /// <summary>Kilometres between two points (haversine), for display.</summary>
    public static double DistanceKm(double lat1, double lng1, double lat2, double lng2)
    {
        const double r = 6371;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLng = (lng2 - lng1) * Math.PI / 180;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLng / 2) * Math.Sin(dLng / 2);
        return 2 * r * Math.Asin(Math.Sqrt(a));
    }
}
