using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Renkei.Web.Features.Program;

namespace Renkei.Web.Features.Progress;

/// <summary>
/// The trend as inline SVG: one line per item （ア）〜（ク）, the share of municipalities running it at each round.
/// <see cref="Indicators.SvgChart"/> draws one series with its target; this needs eight. Shares rather than counts,
/// so a round that asked fewer municipalities does not look like a fall. The table beside it has the counts.
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
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg class=\"indicator-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"{E(description)}\"><title>{E(description)}</title>");
        for (var p = 0; p <= axis; p += axis / 5)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{F(Y(p))}\" y2=\"{F(Y(p))}\" stroke=\"#dee2e6\"/>");
            Text(svg, left - 6, Y(p) + 4, $"{p}%", "end", 10);
        }
        for (var i = 0; i < trend.Count; i++) Text(svg, X(i), height - bottom + 18, trend[i].Round.AsOf.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture), "middle", 11);
        for (var s = 0; s < ProgramItems.All.Length; s++)
        {
            var item = ProgramItems.All[s];
            var points = trend.Select(t => ProgressSummary.Percent(t.Summary.Of(item).Running, t.Summary.Municipalities)).ToList();
            for (var i = 1; i < points.Count; i++)
                if (points[i - 1] is { } a && points[i] is { } b)
                    svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(i - 1))}\" y1=\"{F(Y(a))}\" x2=\"{F(X(i))}\" y2=\"{F(Y(b))}\" stroke=\"{Colours[s]}\" stroke-width=\"2\"/>");
            for (var i = 0; i < points.Count; i++)
                if (points[i] is { } v)
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(i))}\" cy=\"{F(Y(v))}\" r=\"3.5\" fill=\"{Colours[s]}\"><title>{E(item.Label())} {E(trend[i].Round.Title)}: {v:0.0}%</title></circle>");
            var ly = top + 8 + s * 18;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{width - right + 12}\" x2=\"{width - right + 32}\" y1=\"{ly}\" y2=\"{ly}\" stroke=\"{Colours[s]}\" stroke-width=\"3\"/>");
            Text(svg, width - right + 38, ly + 4, item.Label(), "start", 12);
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }

    private static void Text(StringBuilder svg, double x, double y, string text, string anchor, int size) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{F(y)}\" text-anchor=\"{anchor}\" font-size=\"{size}\" fill=\"#212529\">{E(text)}</text>");

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
