using Microsoft.AspNetCore.Html;
using Renkei.Web.Platform.Web;

namespace Renkei.Web.Features.Indicators;

/// <summary>One x position of a chart: a value (null = a gap with <see cref="Missing"/> written instead) and an optional target.</summary>
public sealed record ChartPoint(string Label, decimal? Value, decimal? Target = null, string? Missing = null, bool Highlight = false);

/// <summary>
/// An indicator's charts, drawn on the server as inline SVG (<see cref="SvgCanvas"/>): its values over 年度 with their
/// targets, and bars comparing municipalities. Every chart is paired on the page with a table of the same numbers.
/// </summary>
public static class SvgChart
{
    private const string ValueColour = "#0d6efd", TargetColour = "#d63384";

    /// <summary>A line of values over 年度 with the targets as a dashed line.</summary>
    public static IHtmlContent Line(IReadOnlyList<ChartPoint> points, string description)
    {
        const int width = 640, height = 260, left = 60, right = 20, top = 20, bottom = 56;
        var max = Max(points.SelectMany(p => new[] { p.Value, p.Target }));
        var step = points.Count > 1 ? (width - left - right) / (double)(points.Count - 1) : 0;
        double X(int i) => points.Count > 1 ? left + i * step : (left + width - right) / 2.0;
        double Y(decimal v) => top + (height - top - bottom) * (1 - (double)(v / max));
        var svg = new SvgCanvas(width, height, description);
        for (var g = 0; g <= 4; g++)
        {
            var v = max * g / 4;
            svg.Line(left, Y(v), width - right, Y(v), SvgCanvas.GridColour);
            svg.Text(left - 6, Y(v) + 4, IndicatorFormula.Format(v), "end", SvgCanvas.MutedColour, 10);
        }
        svg.Series([.. points.Select(p => p.Value)], X, Y, ValueColour, (i, v) => $"{points[i].Label} 実績: {IndicatorFormula.Format(v)}");
        svg.Series([.. points.Select(p => p.Target)], X, Y, TargetColour, (i, v) => $"{points[i].Label} 目標: {IndicatorFormula.Format(v)}", dashed: true);
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            svg.Text(X(i), height - bottom + 18, p.Label, "middle");
            if (p.Value is null && p.Missing is not null) svg.Text(X(i), height - bottom - 6, p.Missing, "middle", SvgCanvas.MutedColour, 10);
        }
        // Legend
        const int ly = height - 14;
        svg.Line(left, ly - 4, left + 24, ly - 4, ValueColour, 2);
        svg.Text(left + 30, ly, "実績", "start");
        svg.Line(left + 80, ly - 4, left + 104, ly - 4, TargetColour, 2, dashed: true);
        svg.Text(left + 110, ly, "目標", "start");
        return svg.Close();
    }

    /// <summary>Horizontal bars, one per row (municipalities and the prefecture); rows without a value say why.</summary>
    public static IHtmlContent Bars(IReadOnlyList<ChartPoint> rows, string description)
    {
        const int width = 640, label = 170, right = 70, rowHeight = 26, top = 10;
        var max = Max(rows.Select(r => r.Value));
        var svg = new SvgCanvas(width, top * 2 + rows.Count * rowHeight, description);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var y = top + i * rowHeight;
            svg.Text(label - 8, y + 17, r.Label, "end", weight: r.Highlight ? "bold" : null);
            if (r.Value is { } v)
            {
                var w = (width - label - right) * (double)(v / max);
                svg.Rect(label, y + 4, Math.Max(w, 1), rowHeight - 8, r.Highlight ? ValueColour : "#9ec5fe", $"{r.Label}: {IndicatorFormula.Format(v)}");
                svg.Text(label + w + 4, y + 17, IndicatorFormula.Format(v), "start");
            }
            else svg.Text(label + 4, y + 17, r.Missing ?? "未入力", "start", SvgCanvas.MutedColour);
        }
        return svg.Close();
    }

    private static decimal Max(IEnumerable<decimal?> values)
    {
        var max = values.OfType<decimal>().DefaultIfEmpty(0).Max();
        return max <= 0 ? 1 : max * 1.1m;
    }
}
