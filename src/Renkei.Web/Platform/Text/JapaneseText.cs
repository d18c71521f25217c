using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Renkei.Web.Platform.Text;

/// <summary>
/// Normalisation for matching Japanese text the way people mean it: full/half width (NFKC), katakana
/// as hiragana, no spaces or middle dots, common variant kanji (異体字) folded, and addresses with
/// 漢数字 and 丁目・番地・号 written as hyphenated Arabic numbers.
/// </summary>
public static partial class JapaneseText
{
    // Variants seen in facility and personal names; folded to the common form. Source: JIS X 0213 / 人名用漢字 異体字 pairs in everyday use.
    private static readonly Dictionary<char, char> Variants = new()
    {
        ['髙'] = '高', ['﨑'] = '崎', ['嵜'] = '崎', ['邊'] = '辺', ['邉'] = '辺', ['齋'] = '斎', ['齊'] = '斉',
        ['濵'] = '浜', ['濱'] = '浜', ['德'] = '徳', ['櫻'] = '桜', ['國'] = '国', ['澤'] = '沢', ['廣'] = '広',
        ['惠'] = '恵', ['眞'] = '真', ['瀨'] = '瀬', ['冨'] = '富', ['槇'] = '槙', ['籠'] = '篭', ['藪'] = '薮',
        ['會'] = '会', ['團'] = '団', ['醫'] = '医', ['學'] = '学', ['藥'] = '薬', ['ヶ'] = 'ケ', ['ヵ'] = 'カ',
    };

    /// <summary>The key text search compares: "ﾄｯﾄﾘ 髙橋ｸﾘﾆｯｸ" and "とっとり高橋クリニック" give the same key.</summary>
    public static string SearchKey(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var folded = new StringBuilder(text.Length);
        foreach (var c in NormalizeKC(text))
        {
            var ch = Variants.TryGetValue(c, out var v) ? v : c;
            // Katakana ァ..ヶ map onto hiragana ぁ..ゖ by a fixed offset.
            if (ch is >= 'ァ' and <= 'ヶ') ch = (char)(ch - 0x60);
            if (char.IsWhiteSpace(ch) || ch is '・' or '･' or '　') continue;
            folded.Append(ch < 0x80 ? (char)(ch is >= 'A' and <= 'Z' ? ch + 32 : ch) : char.ToLowerInvariant(ch));
        }
        return folded.ToString();
    }

    /// <summary>
    /// NFKC, without the call into ICU when every character is already its own NFKC form and composes with nothing
    /// (printable ASCII, kana, ー, unified kanji): most names and addresses, and the importers normalise every one.
    /// </summary>
    public static string NormalizeKC(string text)
    {
        foreach (var c in text)
            if (c is not ((>= ' ' and <= '~') or (>= 'ぁ' and <= 'ゖ') or (>= 'ァ' and <= 'ヺ') or 'ー' or (>= '一' and <= '\u9FFF')))
                return text.Normalize(NormalizationForm.FormKC);
        return text;
    }

    /// <summary>
    /// "鳥取市東町一丁目２２０番地" → "鳥取市東町1-220"; "幸町１５１番地の２" → "幸町151-2".
    /// Used to compare addresses from different sources, not to display them.
    /// </summary>
    public static string NormalizeAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return "";
        var s = NormalizeKC(address).Replace(" ", "", StringComparison.Ordinal);
        s = KanjiNumber().Replace(s, m => KanjiToNumber(m.Value).ToString(CultureInfo.InvariantCulture));
        s = DigitDash().Replace(s, "-");
        s = BlockMarks().Replace(s, "-");
        s = s.Replace("番地", "-", StringComparison.Ordinal).Replace("番", "-", StringComparison.Ordinal);
        s = TrailingGo().Replace(s, "$1");
        s = Hyphens().Replace(s, "-").TrimEnd('-');
        return s;
    }

    // 漢数字 runs followed by an address unit (丁目・番地・番・号・の): other kanji numerals (e.g. 一宮) stay.
    [GeneratedRegex("[〇一二三四五六七八九十百千]+(?=(丁目|番地|番|号|の|-))")]
    private static partial Regex KanjiNumber();

    [GeneratedRegex("(?<=\\d)[‐―ー−－](?=\\d)")]
    private static partial Regex DigitDash();

    [GeneratedRegex("(?<=\\d)(丁目|番地の|番の|の)(?=\\d)")]
    private static partial Regex BlockMarks();

    [GeneratedRegex("(\\d)号")]
    private static partial Regex TrailingGo();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();

    private static int KanjiToNumber(string kanji)
    {
        const string digits = "〇一二三四五六七八九";
        var total = 0;
        var current = 0;
        foreach (var c in kanji)
        {
            var d = digits.IndexOf(c, StringComparison.Ordinal);
            if (d >= 0) { current = current * 10 + d; continue; }
            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 1 };
            total += (current == 0 ? 1 : current) * unit;
            current = 0;
        }
        return total + current;
    }
}
