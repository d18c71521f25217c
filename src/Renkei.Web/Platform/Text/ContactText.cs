using System.Text;

namespace Renkei.Web.Platform.Text;

/// <summary>Normalised phone numbers, URLs and e-mail addresses as public sources write them in many ways.</summary>
public static partial class ContactText
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")]
    private static partial System.Text.RegularExpressions.Regex EmailShape();

    /// <summary>"０８５７‐２２‐２３４６" → "0857-22-2346"; digits without hyphens stay as digits. Null when no digits.</summary>
    public static string? Phone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = new StringBuilder();
        foreach (var c in JapaneseText.NormalizeKC(text))
        {
            if (char.IsAsciiDigit(c)) s.Append(c);
            else if (c is '-' or '‐' or '−' or '－' or 'ー' && s.Length > 0 && s[^1] != '-') s.Append('-');
            else if (c is '(' or ')' && s.Length > 0 && s[^1] != '-') s.Append('-');
        }
        var result = s.ToString().Trim('-');
        return result.Count(char.IsAsciiDigit) >= 6 ? result : null;
    }

    /// <summary>" Renkei@Example.JP " (also full-width) → "Renkei@Example.JP"; null when it is not shaped like an address.</summary>
    public static string? Email(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = JapaneseText.NormalizeKC(text).Trim();
        if (s.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) s = s[7..];
        return EmailShape().IsMatch(s) ? s : null;
    }

    /// <summary>Splits the "URL" column of the open data, which sometimes holds an e-mail address or lacks a scheme.</summary>
    public static (string? Url, string? Email) UrlOrEmail(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        var s = JapaneseText.NormalizeKC(text).Trim();
        if (s.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) s = s[7..];
        // "http://name@host.jp" is an e-mail address typed into the URL field; "@host.jp" is nothing usable.
        var bare = s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? s[7..] : s.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? s[8..] : s;
        if (bare.Contains('@', StringComparison.Ordinal) && !bare.TrimEnd('/').Contains('/', StringComparison.Ordinal))
            return (null, EmailShape().IsMatch(bare.TrimEnd('/')) ? bare.TrimEnd('/') : null);
        if (!s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) s = "http://" + s;
        return Uri.TryCreate(s, UriKind.Absolute, out var uri) && uri.Host.Contains('.', StringComparison.Ordinal) ? (uri.ToString(), null) : (null, null);
    }
}
