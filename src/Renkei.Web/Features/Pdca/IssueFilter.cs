using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Pdca;

/// <summary>
/// The register's filters and sort, bound from the query string. One definition serves the page,
/// its CSV/xlsx exports and the printable list, so a download holds exactly what the screen lists.
/// </summary>
public sealed class IssueFilter
{
    public int? Year { get; set; }
    public Scenes? Scene { get; set; }
    public ProgramItem? Item { get; set; }
    public WorkStatus? Status { get; set; }
    public IssuePriority? Priority { get; set; }
    public string? Q { get; set; }
    /// <summary>year (newest 年度 first, the default), priority, status or updated.</summary>
    public string? Sort { get; set; }

    public static readonly (string Key, string Label)[] Sorts = [("year", "年度（新しい順）"), ("priority", "優先度（高い順）"), ("status", "状況"), ("updated", "更新日時（新しい順）")];

    public IQueryable<ProgramIssue> Apply(RenkeiDb db, string municipalityCode)
    {
        var query = db.ProgramIssues.AsNoTracking().Where(i => i.MunicipalityCode == municipalityCode);
        if (Year is { } y) query = query.Where(i => i.FiscalYear == y);
        if (Scene is { } s && s != Scenes.None) query = query.Where(i => ((int)i.Scenes & (int)s) != 0);
        if (Item is { } item) { var bit = item.Bit(); query = query.Where(i => (i.Items & bit) != 0); }
        if (Status is { } st) query = query.Where(i => i.Status == st);
        if (Priority is { } p) query = query.Where(i => i.Priority == p);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(i => i.Statement.Contains(q) || (i.Evidence != null && i.Evidence.Contains(q)));
        }
        return Sort switch
        {
            "priority" => query.OrderBy(i => i.Priority).ThenByDescending(i => i.FiscalYear).ThenBy(i => i.Id),
            "status" => query.OrderBy(i => i.Status).ThenBy(i => i.Priority).ThenBy(i => i.Id),
            "updated" => query.OrderByDescending(i => i.UpdatedAtUtc).ThenByDescending(i => i.Id),
            _ => query.OrderByDescending(i => i.FiscalYear).ThenBy(i => i.Priority).ThenBy(i => i.Id),
        };
    }

    /// <summary>The query string for these filters on another page, another sort or a download.</summary>
    public string ToQuery(string muni, string? handler = null, int? page = null, bool print = false)
    {
        var parts = new List<KeyValuePair<string, string?>> { new("muni", muni) };
        if (handler is not null) parts.Add(new("handler", handler));
        if (Year is { } y) parts.Add(new("Filter.Year", y.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (Scene is { } s) parts.Add(new("Filter.Scene", s.ToString()));
        if (Item is { } i) parts.Add(new("Filter.Item", i.ToString()));
        if (Status is { } st) parts.Add(new("Filter.Status", st.ToString()));
        if (Priority is { } p) parts.Add(new("Filter.Priority", p.ToString()));
        if (!string.IsNullOrWhiteSpace(Q)) parts.Add(new("Filter.Q", Q));
        if (!string.IsNullOrEmpty(Sort)) parts.Add(new("Filter.Sort", Sort));
        if (page is { } n) parts.Add(new("p", n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (print) parts.Add(new("print", "true"));
        return Microsoft.AspNetCore.Http.QueryString.Create(parts).ToString();
    }
}
