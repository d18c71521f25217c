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

    /// <summary>How far down the name index a page of many matches is looked for before the matches are sorted instead.</summary>
    private const int NameWalk = 30_000;

    /// <summary>
    /// The search as the pages run it: count (up to <see cref="CountCap"/> + 1) and one page. Counting and
    /// sorting every match is what made common words slow at national size (りはび: 60,000 rows).
    /// In name order there are two ways to a page, and neither is always fast: sort the matches (cost grows
    /// with their number), or walk the name index until the page is full (cost grows with how far down the
    /// alphabet the matches are: 独立行政法人… sorts late). Up to the cap the matches are sorted; beyond it
    /// the first <see cref="NameWalk"/> names are walked (bounded by the name at that position), and only if they do not fill the page are the
    /// matches sorted. Either way the page holds exactly the rows a full sort would give.
    /// </summary>
    public async Task<SearchPage> PageAsync(ProviderFilter f, int? page, Func<int, string> urlFor, CancellationToken ct = default)
    {
        var origin = await OriginAsync(f, ct);
        var matches = await Filter(db.Providers.AsNoTracking(), f, origin).Take(CountCap + 1).CountAsync(ct);
        var count = new ResultCount(Math.Min(matches, CountCap), matches > CountCap);
        var paging = new Paging(page, count.Value, urlFor);
        if (ByDistance(f, origin))
            return new SearchPage(Order(Filter(db.Providers.AsNoTracking(), f, origin), f, origin).Skip(paging.Skip).Take(Paging.PageSize), paging, count, origin);

        if (count.AtLeast)
        {
            // The first NameWalk names, bounded by key (the name index delivers them in order and stops early);
            // any match beyond the bound sorts after every match before it.
            // (Ordered by the key alone, so PostgreSQL reads it from the index without visiting the table.)
            var bound = await InNameOrder().OrderBy(p => p.SearchKey).Select(p => p.SearchKey).Skip(NameWalk).FirstOrDefaultAsync(ct);
            var prefix = bound is null ? InNameOrder() : InNameOrder().Where(p => string.Compare(p.SearchKey, bound) < 0);
            var ids = await Order(Filter(prefix, f, origin), f, origin).Skip(paging.Skip).Take(Paging.PageSize).Select(p => p.Id).ToListAsync(ct);
            if (ids.Count == Paging.PageSize) // every page within the cap is full
                return new SearchPage(db.Providers.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.SearchKey).ThenBy(p => p.Id), paging, count, origin);
        }
        var sorted = Order(Filter(db.Providers.AsNoTracking(), f, origin), f, origin, sortMatches: true);
        return new SearchPage(sorted.Skip(paging.Skip).Take(Paging.PageSize), paging, count, origin);
    }

    /// <summary>
    /// Providers read through the name index. SQLite's planner (no statistics) otherwise prefers the text
    /// index's row ids and sorts them all.
    /// </summary>
    private IQueryable<Provider> InNameOrder() => db.Database.IsSqlite()
        ? db.Providers.FromSqlRaw("SELECT * FROM \"Providers\" INDEXED BY \"IX_Providers_SearchKey\"").AsNoTracking()
        : db.Providers.AsNoTracking();
}
