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
    /// The search as the pages run it: count (up to <see cref="CountCap"/> + 1) and one page. Counting and
    /// sorting every match is what made common words slow at national size (リハビ: tens of thousands of rows).
    /// When the matches pass the cap and the order is by name, the page is read by walking the name index
    /// and stopping after the page: dense matches are found after a few thousand index entries. Below the
    /// cap the matches are few, and sorting them is cheap.
    /// </summary>
    public async Task<SearchPage> PageAsync(ProviderFilter f, int? page, Func<int, string> urlFor, CancellationToken ct = default)
    {
        var origin = await OriginAsync(f, ct);
        var matches = await Filter(db.Providers.AsNoTracking(), f, origin).Take(CountCap + 1).CountAsync(ct);
        var count = new ResultCount(Math.Min(matches, CountCap), matches > CountCap);
        var paging = new Paging(page, count.Value, urlFor);
        var source = count.AtLeast && !ByDistance(f, origin) ? InNameOrder() : db.Providers.AsNoTracking();
        var query = Order(Filter(source, f, origin), f, origin).Skip(paging.Skip).Take(Paging.PageSize);
        return new SearchPage(query, paging, count, origin);
    }

    /// <summary>
    /// Providers read through the name index. SQLite's planner (no statistics) otherwise prefers the text
    /// index's row ids and sorts them all; PostgreSQL chooses between the two plans by its own estimates.
    /// </summary>
    private IQueryable<Provider> InNameOrder() => db.Database.IsSqlite()
        ? db.Providers.FromSqlRaw("SELECT * FROM \"Providers\" INDEXED BY \"IX_Providers_SearchKey\"").AsNoTracking()
        : db.Providers.AsNoTracking();
}
