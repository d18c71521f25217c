using Renkei.Web.Platform.Time;

namespace Renkei.Web.Features.Pdca;

public static class CountermeasureQueries
{
    /// <summary>
    /// Countermeasures whose schedule overlaps the 年度 (the Do of that year). A missing start or end
    /// is open-ended, so a countermeasure not yet scheduled still shows in every year until it is.
    /// </summary>
    public static IQueryable<Countermeasure> ActiveIn(this IQueryable<Countermeasure> query, FiscalYear year)
    {
        var (first, last) = (year.FirstDay, year.LastDay);
        return query.Where(c => (c.StartOn == null || c.StartOn <= last) && (c.EndOn == null || c.EndOn >= first));
    }
}
