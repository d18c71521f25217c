using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renkei.Web.Features.Indicators;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Progress;

/// <summary>
/// The prefecture's dashboard of one round: the tables of seed 002, the 0–8 distribution (overall and by
/// population), 二次医療圏, a map and the trend. Charts are server-side SVG with their numbers in a table beside them;
/// the map is an enhancement over the per-municipality table.
/// </summary>
public sealed class DashboardModel(RenkeiDb db, IConfiguration config) : PageModel
{
    public DashboardData Data { get; private set; } = null!;
    public IReadOnlyList<SummaryTable> Tables { get; private set; } = [];
    public bool Denied { get; private set; }
    public string TileUrl => config["Map:TileUrl"] ?? "https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (round, status) = await DashboardAccess.FindAsync(db, User, id, ct);
        if (status == StatusCodes.Status404NotFound) return NotFound();
        if (round is null)
        {
            // Rendered here rather than on the generic error page: municipal users should learn where their own answer is.
            Denied = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        Data = await DashboardData.LoadAsync(db, round, ct);
        Tables = DashboardTables.All(Data);
        return Page();
    }

    public SummaryTable Table(string key) => Tables.Single(t => t.Key == key);

    public IReadOnlyList<ChartPoint> DistributionBars() =>
        [.. Data.Summary.Distribution.Select((count, i) => new ChartPoint(SummaryText.RunningLabel(i), count)),
         new ChartPoint("未回答", Data.Summary.NotAnswered)];

    /// <summary>The map's points as JSON for the script: one circle per municipality at its centroid, coloured by items running.</summary>
    public string MapPoints() => System.Text.Json.JsonSerializer.Serialize(Data.Summary.Entries
        .Where(e => e.Municipality.Latitude != 0 || e.Municipality.Longitude != 0)
        .Select(e => new
        {
            code = e.Municipality.Code, name = e.Municipality.Name, lat = e.Municipality.Latitude, lng = e.Municipality.Longitude,
            running = e.Answered ? e.RunningCount : (int?)null, state = e.State.Japanese(), colour = DashboardColours.ForRunning(e.Answered ? e.RunningCount : null),
        }));

    public IReadOnlyList<ChartPoint> BandBars() =>
        [.. Data.Summary.Bands.Select(b => new ChartPoint($"{b.Name}（{b.Answered}）", b.Average, Missing: "回答なし"))];
}
