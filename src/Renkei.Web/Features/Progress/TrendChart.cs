using Microsoft.AspNetCore.Html;
using Renkei.Web.Features.Program;
using Renkei.Web.Platform.Web;

namespace Renkei.Web.Features.Progress;

/// <summary>
/// The trend as inline SVG (<see cref="SvgCanvas"/>): one line per item （ア）〜（ク）, the share of municipalities
/// running it at each round. Shares rather than counts, so a round that asked fewer municipalities does not look
/// like a fall. The table beside it has the counts.
/// </summary>
public static class TrendChart
{
    // Okabe–Ito plus two: distinguishable for colour-blind readers.
    private static readonly string[] Colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#999933"];

    public static IHtmlContent Lines(IReadOnlyList<TrendPoint> trend, string description)
    {
        const int width = 720, height = 300, left = 50, right = 130, top = 16, bottom = 50;
        var step = trend.Count > 1 ? (width - left - right) / (double)(trend.Count - 1) : 0;
        double X(int i) => trend.Count > 1 ? left + i * step : (left + width - right) / 2.0;
        // The axis ends at the next 10% above the highest share, so low shares early in a programme stay readable.
        var highest = trend.SelectMany(t => ProgramItems.All.Select(i => ProgressSummary.Percent(t.Summary.Of(i).Running, t.Summary.Municipalities) ?? 0)).DefaultIfEmpty(0).Max();
        var axis = Math.Clamp((int)Math.Ceiling(highest / 10m) * 10, 10, 100);
        double Y(decimal pct) => top + (height - top - bottom) * (1 - (double)pct / axis);
        var svg = new SvgCanvas(width, height, description);
        for (var p = 0; p <= axis; p += axis / 5)
        {
            svg.Line(left, Y(p), width - right, Y(p), SvgCanvas.GridColour);
            svg.Text(left - 6, Y(p) + 4, $"{p}%", "end", size: 10);
        }
        for (var i = 0; i < trend.Count; i++) svg.Text(X(i), height - bottom + 18, trend[i].Round.AsOf.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture), "middle", size: 11);
        for (var s = 0; s < ProgramItems.All.Length; s++)
        {
            var item = ProgramItems.All[s];
            var shares = trend.Select(t => ProgressSummary.Percent(t.Summary.Of(item).Running, t.Summary.Municipalities)).ToList();
            svg.Series(shares, X, Y, Colours[s], (i, v) => FormattableString.Invariant($"{item.Label()} {trend[i].Round.Title}: {v:0.0}%"), radius: 3.5);
            var ly = top + 8 + s * 18;
            svg.Line(width - right + 12, ly, width - right + 32, ly, Colours[s], 3);
            svg.Text(width - right + 38, ly + 4, item.Label(), "start");
        }
        return svg.Close();
    }
}
