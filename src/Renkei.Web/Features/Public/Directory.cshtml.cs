using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Renkei.Web.Features.Demo;
using Renkei.Web.Features.Directory;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Data;
using Renkei.Web.Platform.Web;

namespace Renkei.Web.Features.Public;

/// <summary>
/// The residents' page (no sign-in): providers that consented to publication, with their public fields
/// only, as a list and a map.
/// </summary>
public sealed class DirectoryModel(RenkeiDb db, ProviderSearch search, IConfiguration config) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string Pref { get; set; } = "31";
    [BindProperty(SupportsGet = true)] public string? Muni { get; set; }
    [BindProperty(SupportsGet = true)] public ProviderKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public Weekdays? Open { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public List<Provider> Providers { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Empty;
    /// <summary>The number of matches, exact up to <see cref="ProviderSearch.CountCap"/>.</summary>
    public ResultCount Count { get; private set; } = new(0, false);
    public List<Prefecture> Prefectures { get; private set; } = [];
    public Dictionary<string, string> Municipalities { get; private set; } = [];
    public string TileUrl => config["Map:TileUrl"] ?? "https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png";

    /// <summary>The demo is in the database: its consents are invented and the page says so.</summary>
    public bool Demo { get; private set; }

    public async Task OnGetAsync()
    {
        Demo = await DemoSeeder.ExistsAsync(db, HttpContext.RequestAborted);
        Prefectures = await db.Prefectures.AsNoTracking().OrderBy(p => p.Code).ToListAsync();
        Municipalities = await db.Municipalities.AsNoTracking().Where(m => m.PrefectureCode == Pref && m.Kind != MunicipalityKind.DesignatedCity)
            .OrderBy(m => m.Code).ToDictionaryAsync(m => m.Code, m => m.Name);
        var filter = new ProviderFilter { Q = Q, Pref = Pref, Muni = Muni, Kind = Kind, Open = Open, ConsentedOnly = true };
        var result = await search.PageAsync(filter, PageNumber, page => $"/public/directory?{QueryString}&p={page}");
        (Paging, Count) = (result.Paging, result.Count);
        Providers = await result.Query.Include(p => p.Functions).ToListAsync();
    }

    public string QueryString => string.Join("&", new[] { ("Q", Q), ("Pref", Pref), ("Muni", Muni), ("Kind", Kind?.ToString()), ("Open", Open?.ToString()) }
        .Where(x => !string.IsNullOrEmpty(x.Item2)).Select(x => $"{x.Item1}={Uri.EscapeDataString(x.Item2!)}"));
}
