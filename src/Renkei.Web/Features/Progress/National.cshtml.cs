using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Renkei.Web.Features.Indicators;
using Renkei.Web.Platform.Data;

namespace Renkei.Web.Features.Progress;

/// <summary>
/// The national view: each prefecture's latest round (optionally as of a date) and the same tables as a
/// prefecture's dashboard over all their municipalities. Only for callers who read every municipality.
/// </summary>
public sealed class NationalModel(RenkeiDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }

    public NationalData Data { get; private set; } = null!;
    public IReadOnlyList<SummaryTable> Tables { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!DashboardAccess.MayViewNational(db)) return Forbid();
        if (!ModelState.IsValid) AsOf = null; // an unreadable date shows every round rather than an error
        Data = await NationalData.LoadAsync(db, AsOf, ct);
        Tables = Data.Tables();
        return Page();
    }

    public SummaryTable Table(string key) => Tables.Single(t => t.Key == key);

    public string Query => AsOf is { } a ? $"?asOf={a:yyyy-MM-dd}" : "";

    public IReadOnlyList<ChartPoint> DistributionBars() =>
        [.. Data.Summary.Distribution.Select((count, i) => new ChartPoint(SummaryText.RunningLabel(i), count)),
         new ChartPoint("未回答", Data.Summary.NotAnswered)];

    public IReadOnlyList<ChartPoint> BandBars() =>
        [.. Data.Summary.Bands.Select(b => new ChartPoint($"{b.Name}（{b.Answered}）", b.Average, Missing: "回答なし"))];

    public IReadOnlyList<ChartPoint> PrefectureBars() =>
        [.. Data.Rows.Select(r => new ChartPoint(r.PrefectureName, r.Summary.Average, Missing: "回答なし")),
         new ChartPoint("全国", Data.Summary.Average, Missing: "回答なし", Highlight: true)];
}
