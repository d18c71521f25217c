using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Tenancy;
using Renkei.Web.Platform.Web;

namespace Renkei.Web.Features.Directory;

/// <summary>The professionals' directory: filters, list and map together.</summary>
public sealed class IndexModel(RenkeiDb db, ProviderSearch search, IConfiguration config) : PageModel
{
    [BindProperty(SupportsGet = true)] public ProviderFilter Filter { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public List<ProviderRow> Rows { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Empty;
    /// <summary>The number of matches, exact up to <see cref="ProviderSearch.CountCap"/>.</summary>
    public ResultCount Count { get; private set; } = new(0, false);
    public (double Lat, double Lng)? Origin { get; private set; }
    public List<Prefecture> Prefectures { get; private set; } = [];
    public List<SecondaryArea> Areas { get; private set; } = [];
    public Dictionary<string, string> Municipalities { get; private set; } = [];
    public string TileUrl => config["Map:TileUrl"] ?? "https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png";

    public async Task OnGetAsync()
    {
        Filter.Pref ??= User.GetPrefectureCode();
        if (Filter.Muni is null && Filter.Area is null && Request.Query.Count == 0) Filter.Muni = User.GetMunicipalityCode();
        // "Nearest" with no municipality chosen measures from the user's own municipality.
        if (Filter.Sort == "distance" && string.IsNullOrEmpty(Filter.Near) && string.IsNullOrEmpty(Filter.Muni)) Filter.Near = User.GetMunicipalityCode();
        Prefectures = await db.Prefectures.AsNoTracking().OrderBy(p => p.Code).ToListAsync();
        Areas = await db.SecondaryAreas.AsNoTracking().Where(a => a.PrefectureCode == Filter.Pref).OrderBy(a => a.Code).ToListAsync();
        Municipalities = await db.Municipalities.AsNoTracking().Where(m => m.PrefectureCode == Filter.Pref && m.Kind != MunicipalityKind.DesignatedCity)
            .OrderBy(m => m.Code).ToDictionaryAsync(m => m.Code, m => m.Name);
        var result = await search.PageAsync(Filter, PageNumber, PageUrl);
        (Origin, Paging, Count) = (result.Origin, result.Paging, result.Count);
        Rows = await search.RowsAsync(result.Query);
    }

    /// <summary>This search's query string (without the page), for page links and the map's data URL.</summary>
    public string QueryString(int? page = null)
    {
        var parts = Request.Query.Where(q => q.Key != "p")
            .SelectMany(q => q.Value.Where(v => !string.IsNullOrEmpty(v)).Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v!)}")).ToList();
        if (!Request.Query.ContainsKey("Pref") && Filter.Pref is not null) parts.Add($"Pref={Filter.Pref}");
        if (!Request.Query.ContainsKey("Muni") && Filter.Muni is not null) parts.Add($"Muni={Filter.Muni}");
        if (!Request.Query.ContainsKey("Near") && !string.IsNullOrEmpty(Filter.Near)) parts.Add($"Near={Filter.Near}");
        if (page is not null) parts.Add($"p={page}");
        return string.Join("&", parts);
    }

    private string PageUrl(int page) => "/directory?" + QueryString(page);

    public string? Distance(ProviderRow r) => Origin is { } o && r.Latitude is { } lat && r.Longitude is { } lng
        ? ProviderSearch.DistanceKm(o.Lat, o.Lng, lat, lng).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " km"
        : null;
}
