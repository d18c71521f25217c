using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Html;

namespace Renkei.Web.Features.Progress;

/// <summary>
/// The colours of "items running" 0–8 on the map and in its legend (ColorBrewer YlGnBu, sequential and readable
/// in grey print), grey for 未回答. Given to the map script per point, so page and legend can't disagree.
/// </summary>
public static class DashboardColours
{
    private static readonly string[] Scale = ["#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58"];

    public const string Unanswered = "#adb5bd";

    public static string ForRunning(int? running) => running is { } r ? Scale[Math.Clamp(r, 0, Scale.Length - 1)] : Unanswered;

    /// <summary>The legend as inline SVG (the CSP forbids style attributes, so no coloured spans).</summary>
    public static IHtmlContent Legend()
    {
        const int box = 22, gap = 40;
        var svg = new System.Text.StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"progress-legend\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {gap * 10 + 40} 44\" width=\"{gap * 10 + 40}\" role=\"img\" aria-label=\"凡例：実施している項目数 0〜8、灰色は未回答\">");
        for (var i = 0; i <= Scale.Length; i++)
        {
            var x = 4 + i * gap;
            var (fill, label) = i < Scale.Length ? (Scale[i], i.ToString(CultureInfo.InvariantCulture)) : (Unanswered, "未回答");
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x + box / 2}\" cy=\"12\" r=\"9\" fill=\"{fill}\" stroke=\"#333\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + box / 2}\" y=\"38\" text-anchor=\"middle\" font-size=\"12\" fill=\"#212529\">{WebUtility.HtmlEncode(label)}</text>");
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }
}
