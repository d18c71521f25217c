using System.Text.RegularExpressions;

namespace Renkei.Web.Features.Indicators;

/// <summary>
/// Codes of a municipality's own elements and indicators: "&lt;団体コード&gt;.&lt;what staff typed&gt;", so they
/// never collide with the shipped catalogue (whose codes start with a letter) or another municipality's.
/// </summary>
public static partial class CustomCodes
{
    public static string For(string municipalityCode, string typed) => $"{municipalityCode}.{typed.Trim().ToLowerInvariant()}";

    public static bool IsValid(string? typed) => typed is not null && Pattern().IsMatch(typed.Trim().ToLowerInvariant());

    public const string Rule = "半角英数字・ハイフン・ピリオドの2〜40文字（英数字で始める）";

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,39}$")]
    private static partial Regex Pattern();
}
