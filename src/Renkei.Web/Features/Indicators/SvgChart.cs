using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Renkei.Web.Features.Indicators;

/// <summary>One x position of a chart: a value (null = a gap with <see cref="Missing"/> written instead) and an optional target.</summary>
public sealed record ChartPoint(string Label, decimal? Value, decimal? Target = null, string? Missing = null, bool Highlight = false);

/// <summary>
/// Charts drawn on the server as inline SVG: no JavaScript, printable, and allowed by the CSP (presentation
/// attributes only, no style attributes). Every chart is paired on the page with a table of the same numbers,
/// so the SVG is decoration for sighted readers and carries a short text alternative.
/// </summary>
public static class SvgChart
{
    private const string ValueColour = "#0d6efd", TargetColour = "#d63384", GridColour = "#dee2e6", TextColour = "#212529", MutedColour = "#6c757d";

    /// <summary>A line of values over 年度 with the targets as a dashed line.</summary>
    public static IHtmlContent Line(IReadOnlyList<ChartPoint> points, string description)
    {
        const int width = 640, height = 260, left = 60, right = 20, top = 20, bottom = 56;
        var max = Max(points.SelectMany(p => new[] { p.Value, p.Target }));
        var step = points.Count > 1 ? (width - left - right) / (double)(points.Count - 1) : 0;
        double X(int i) => points.Count > 1 ? left + i * step : (left + width - right) / 2.0;
        double Y(decimal v) => top + (height - top - bottom) * (1 - (double)(v / max));
        var svg = Open(width, height, description);
        Grid(svg, max, left, width - right, Y);
        Series(svg, points, p => p.Value, X, Y, ValueColour, dashed: false);
        Series(svg, points, p => p.Target, X, Y, TargetColour, dashed: true);
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            Text(svg, X(i), height - bottom + 18, p.Label, "middle", TextColour);
            if (p.Value is null && p.Missing is not null) Text(svg, X(i), height - bottom - 6, p.Missing, "middle", MutedColour, 10);
        }
        Legend(svg, left, height - 14);
        return Close(svg);
    }

    /// <summary>Horizontal bars, one per row (municipalities and the prefecture); rows without a value say why.</summary>
    public static IHtmlContent Bars(IReadOnlyList<ChartPoint> rows, string description)
    {
        const int width = 640, label = 170, right = 70, rowHeight = 26, top = 10;
        var height = top * 2 + rows.Count * rowHeight;
        var max = Max(rows.Select(r => r.Value));
        var svg = Open(width, height, description);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var y = top + i * rowHeight;
            Text(svg, label - 8, y + 17, r.Label, "end", TextColour, weight: r.Highlight ? "bold" : null);
            if (r.Value is { } v)
            {
                var w = (width - label - right) * (double)(v / max);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{label}\" y=\"{y + 4}\" width=\"{F(Math.Max(w, 1))}\" height=\"{rowHeight - 8}\" fill=\"{(r.Highlight ? ValueColour : "#9ec5fe")}\"><title>{E(r.Label)}: {IndicatorFormula.Format(v)}</title></rect>");
                Text(svg, label + w + 4, y + 17, IndicatorFormula.Format(v), "start", TextColour);
            }
            else Text(svg, label + 4, y + 17, r.Missing ?? "未入力", "start", MutedColour);
        }
        return Close(svg);
    }

    private static decimal Max(IEnumerable<decimal?> values)
    {
        var max = values.OfType<decimal>().DefaultIfEmpty(0).Max();
        return max <= 0 ? 1 : max * 1.1m;
    }

    private static StringBuilder Open(int width, int height, string description) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg class=\"indicator-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"{E(description)}\"><title>{E(description)}</title>");

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static void Grid(StringBuilder svg, decimal max, double x1, double x2, Func<decimal, double> y)
    {
        for (var i = 0; i <= 4; i++)
        {
            var v = max * i / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x1)}\" x2=\"{F(x2)}\" y1=\"{F(y(v))}\" y2=\"{F(y(v))}\" stroke=\"{GridColour}\"/>");
            Text(svg, x1 - 6, y(v) + 4, IndicatorFormula.Format(v), "end", MutedColour, 10);
        }
    }

    // Consecutive known points are joined; a missing year breaks the line rather than dropping to zero.
    private static void Series(StringBuilder svg, IReadOnlyList<ChartPoint> points, Func<ChartPoint, decimal?> pick, Func<int, double> x, Func<decimal, double> y, string colour, bool dashed)
    {
        for (var i = 1; i < points.Count; i++)
        {
            if (pick(points[i - 1]) is { } a && pick(points[i]) is { } b)
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x(i - 1))}\" y1=\"{F(y(a))}\" x2=\"{F(x(i))}\" y2=\"{F(y(b))}\" stroke=\"{colour}\" stroke-width=\"2\"{(dashed ? " stroke-dasharray=\"6 4\"" : "")}/>");
        }
        for (var i = 0; i < points.Count; i++)
        {
            if (pick(points[i]) is not { } v) continue;
            var title = $"<title>{E(points[i].Label)} {(dashed ? "目標" : "実績")}: {IndicatorFormula.Format(v)}</title>";
            svg.Append(dashed
                ? $"<rect x=\"{F(x(i) - 4)}\" y=\"{F(y(v) - 4)}\" width=\"8\" height=\"8\" fill=\"{colour}\">{title}</rect>"
                : $"<circle cx=\"{F(x(i))}\" cy=\"{F(y(v))}\" r=\"4\" fill=\"{colour}\">{title}</circle>");
        }
    }

    private static void Legend(StringBuilder svg, double x, double y)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" x2=\"{F(x + 24)}\" y1=\"{F(y - 4)}\" y2=\"{F(y - 4)}\" stroke=\"{ValueColour}\" stroke-width=\"2\"/>");
        Text(svg, x + 30, y, "実績", "start", TextColour);
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x + 80)}\" x2=\"{F(x + 104)}\" y1=\"{F(y - 4)}\" y2=\"{F(y - 4)}\" stroke=\"{TargetColour}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
        Text(svg, x + 110, y, "目標", "start", TextColour);
    }

    private static void Text(StringBuilder svg, double x, double y, string text, string anchor, string colour, int size = 12, string? weight = null) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{F(x)}\" y=\"{F(y)}\" text-anchor=\"{anchor}\" font-size=\"{size}\" fill=\"{colour}\"{(weight is null ? "" : $" font-weight=\"{weight}\"")}>{E(text)}</text>");

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
