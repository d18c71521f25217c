using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Renkei.Web.Platform.Web;

/// <summary>
/// Inline SVG for the charts drawn on the server (no JavaScript, printable, allowed by the CSP: presentation
/// attributes only, no style attributes). Every chart carries a short text alternative and sits beside a table of
/// the same numbers. The charts (Indicators.SvgChart, Progress.TrendChart) place things; this writes them.
/// </summary>
public sealed class SvgCanvas
{
    public const string TextColour = "#212529", MutedColour = "#6c757d", GridColour = "#dee2e6";

    private readonly StringBuilder _svg = new();

    public SvgCanvas(int width, int height, string description) =>
        _svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"indicator-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"{E(description)}\"><title>{E(description)}</title>");

    public void Line(double x1, double y1, double x2, double y2, string colour, int strokeWidth = 0, bool dashed = false) =>
        _svg.Append(CultureInfo.InvariantCulture,
            $"<line x1=\"{F(x1)}\" y1=\"{F(y1)}\" x2=\"{F(x2)}\" y2=\"{F(y2)}\" stroke=\"{colour}\"{(strokeWidth > 0 ? $" stroke-width=\"{strokeWidth}\"" : "")}{(dashed ? " stroke-dasharray=\"6 4\"" : "")}/>");

    public void Text(double x, double y, string text, string anchor, string colour = TextColour, int size = 12, string? weight = null) =>
        _svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{F(x)}\" y=\"{F(y)}\" text-anchor=\"{anchor}\" font-size=\"{size}\" fill=\"{colour}\"{(weight is null ? "" : $" font-weight=\"{weight}\"")}>{E(text)}</text>");

    public void Circle(double x, double y, double radius, string colour, string title) =>
        _svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"{F(radius)}\" fill=\"{colour}\"><title>{E(title)}</title></circle>");

    public void Rect(double x, double y, double width, double height, string colour, string title) =>
        _svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(width)}\" height=\"{F(height)}\" fill=\"{colour}\"><title>{E(title)}</title></rect>");

    /// <summary>
    /// A series over x positions: consecutive known values joined (a missing one breaks the line rather than dropping
    /// to zero), each known value marked by a circle, or by a square for a dashed series (targets).
    /// </summary>
    public void Series(IReadOnlyList<decimal?> values, Func<int, double> x, Func<decimal, double> y, string colour, Func<int, decimal, string> title,
        bool dashed = false, double radius = 4)
    {
        for (var i = 1; i < values.Count; i++)
            if (values[i - 1] is { } a && values[i] is { } b) Line(x(i - 1), y(a), x(i), y(b), colour, 2, dashed);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } v) continue;
            if (dashed) Rect(x(i) - radius, y(v) - radius, radius * 2, radius * 2, colour, title(i, v));
            else Circle(x(i), y(v), radius, colour, title(i, v));
        }
    }

    public IHtmlContent Close() => new HtmlString(_svg.Append("</svg>").ToString());

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
