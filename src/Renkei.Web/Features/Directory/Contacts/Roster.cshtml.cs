using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;
using Renkei.Web.Platform.Web;

namespace Renkei.Web.Features.Directory.Contacts;

/// <summary>
/// 入退院連絡窓口一覧: the contacts of every provider in a municipality, 二次医療圏 or prefecture,
/// for any signed-in user; printable (all rows, up to <see cref="PrintLimit"/>) and downloadable.
/// </summary>
public sealed class RosterModel(RenkeiDb db) : PageModel
{
    /// <summary>More rows than this are not printed from the page: download the list instead.</summary>
    public const int PrintLimit = 3000;

    [BindProperty(SupportsGet = true)] public RosterFilter Filter { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    /// <summary>Every row on one page, for printing.</summary>
    [BindProperty(SupportsGet = true)] public bool Print { get; set; }

    public List<RosterRow> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Empty;
    public int Total { get; private set; }
    public List<Prefecture> Prefectures { get; private set; } = [];
    public List<SecondaryArea> Areas { get; private set; } = [];
    public Dictionary<string, string> Municipalities { get; private set; } = [];
    public Dictionary<string, string> AllMunicipalityNames { get; private set; } = [];

    public async Task OnGetAsync()
    {
        // As the directory search: a bare URL starts at the user's prefecture and municipality.
        Filter.Pref ??= User.GetPrefectureCode();
        if (Filter.Muni is null && Filter.Area is null && Request.Query.Count == 0) Filter.Muni = User.GetMunicipalityCode();
        Prefectures = await db.Prefectures.AsNoTracking().OrderBy(p => p.Code).ToListAsync();
        Areas = await db.SecondaryAreas.AsNoTracking().Where(a => a.PrefectureCode == Filter.Pref).OrderBy(a => a.Code).ToListAsync();
        Municipalities = await db.Municipalities.AsNoTracking().Where(m => m.PrefectureCode == Filter.Pref && m.Kind != MunicipalityKind.DesignatedCity)
            .OrderBy(m => m.Code).ToDictionaryAsync(m => m.Code, m => m.Name);
        AllMunicipalityNames = await ContactRoster.MunicipalityNamesAsync(db);
        var query = ContactRoster.Query(db, Filter);
        Total = await query.CountAsync();
        if (Print)
        {
            Rows = await query.Take(PrintLimit).ToListAsync();
            return;
        }
        Paging = new Paging(PageNumber, Total, page => "/directory/contacts?" + QueryString(("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Rows = await query.Skip(Paging.Skip).Take(Paging.PageSize).ToListAsync();
    }

    /// <summary>The current filters as a query string, with <paramref name="extra"/> added or replaced (links for sorting, pages, print, downloads).</summary>
    public string QueryString(params (string Key, string? Value)[] extra)
    {
        var values = new Dictionary<string, string?>
        {
            ["Pref"] = Filter.Pref, ["Area"] = Filter.Area, ["Muni"] = Filter.Muni ?? "", ["Kind"] = Filter.Kind, ["Sort"] = Filter.Sort,
        };
        foreach (var (k, v) in extra) values[k] = v;
        // Muni is always sent (empty = every municipality) so that the link does not fall back to the user's own.
        return string.Join("&", values.Where(v => v.Value is not null && (v.Value.Length > 0 || v.Key == "Muni"))
            .Select(v => $"{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value!)}"));
    }
}
