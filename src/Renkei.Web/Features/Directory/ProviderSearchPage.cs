using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Platform.Web;

namespace Renkei.Web.Features.Directory;

/// <summary>
/// How many providers a search found, counted up to <see cref="ProviderSearch.CountCap"/>: beyond that
/// the pages say "1,000 件以上" rather than count a national directory to the last row.
/// </summary>
public sealed record ResultCount(int Value, bool AtLeast)
{
    /// <summary>"1,234 件" or "1,000 件以上".</summary>
    public string Text => Value.ToString("N0", CultureInfo.InvariantCulture) + (AtLeast ? " 件以上" : " 件");
}

/// <summary>One page of a search: its rows (as a query), the pager over the counted matches, the count and the origin.</summary>
public sealed record SearchPage(IQueryable<Provider> Query, Paging Paging, ResultCount Count, (double Lat, double Lng)? Origin);

public sealed partial class ProviderSearch
{
    /// <summary>Matches are counted up to this many; the pages offer the first this-many (20 pages), the exports all.</summary>
    public const int CountCap = 1000;

    /// <summary>
    /// How far down the name index a page of many matches is looked for before the matches are sorted instead:
    /// reading a name costs a fraction of a microsecond (PostgreSQL reads key, id and listing from one index; SQLite
    /// the key from its name index), sorting a few microseconds per match. Common words that sort late
    /// (介護老人保健施設…, some 46,000 names down in the national bench directory) are then found by walking.
    /// </summary>
    private const int NameWalk = 50_000;

    /// <summary>
    /// The search as the pages run it: count (up to <see cref="CountCap"/> + 1) and one page. Counting and
    /// sorting every match is what made common words slow at national size (りはび: 60,000 rows).
    /// The matches are read once, up to the cap: their ids give the count and, when they are all of them, the page
    /// (sorted by the database among just those ids). Beyond the cap there are two ways to a page in name order,
    /// and neither is always fast: sort the matches (cost grows with their number), or walk the name index until the
    /// page is full (cost grows with how far down the alphabet the matches are: 独立行政法人… sorts late). The first
    /// <see cref="NameWalk"/> names are walked, matching each key as it is read, and only if they do not fill the page
    /// are all the matches sorted. Either way the page holds exactly the rows a full sort would give.
    /// </summary>
    public async Task<SearchPage> PageAsync(ProviderFilter f, int? page, Func<int, string> urlFor, CancellationToken ct = default)
    {
        var prepared = await PrepareAsync(f, ct);
        var origin = prepared.Origin;
        var found = await Matches(f, prepared).Take(CountCap + 1).Select(p => p.Id).ToListAsync(ct);
        var count = new ResultCount(Math.Min(found.Count, CountCap), found.Count > CountCap);
        var paging = new Paging(page, count.Value, urlFor);
        if (!count.AtLeast)
            return new SearchPage(Order(db.Providers.AsNoTracking().Where(p => found.Contains(p.Id)), f, origin, sortMatches: true).Skip(paging.Skip).Take(Paging.PageSize), paging, count, origin);
        if (ByDistance(f, origin))
            return new SearchPage(Order(Matches(f, prepared), f, origin).Skip(paging.Skip).Take(Paging.PageSize), paging, count, origin);

        // Any match beyond the walked names sorts after every match among them.
        var ids = await Order(Filter(await WalkedAsync(ct), f, prepared, scanText: true), f, origin)
            .Skip(paging.Skip).Take(Paging.PageSize).Select(p => p.Id).ToListAsync(ct);
        if (ids.Count == Paging.PageSize) // every page within the cap is full
            return new SearchPage(db.Providers.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.SearchKey).ThenBy(p => p.Id), paging, count, origin);
        var sorted = Order(Matches(f, prepared), f, origin, sortMatches: true);
        return new SearchPage(sorted.Skip(paging.Skip).Take(Paging.PageSize), paging, count, origin);
    }

    /// <summary>
    /// The first <see cref="NameWalk"/> providers in name order, read through the name index. PostgreSQL takes them as a
    /// subquery it stops reading at a full page; SQLite would copy such a subquery whole, so it is bounded by the key at
    /// that position instead, and told which index to use (without statistics its planner prefers the text index's row
    /// ids and sorts them all).
    /// </summary>
    private async Task<IQueryable<Provider>> WalkedAsync(CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return db.Providers.AsNoTracking().OrderBy(p => p.SearchKey).ThenBy(p => p.Id).Take(NameWalk);
        var byName = db.Providers.FromSqlRaw("SELECT * FROM \"Providers\" INDEXED BY \"IX_Providers_SearchKey\"").AsNoTracking();
        var bound = await byName.OrderBy(p => p.SearchKey).Select(p => p.SearchKey).Skip(NameWalk).FirstOrDefaultAsync(ct);
        return bound is null ? byName : byName.Where(p => string.Compare(p.SearchKey, bound) < 0);
    }
}
