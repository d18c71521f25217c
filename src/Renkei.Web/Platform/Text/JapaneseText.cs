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

    /// <summary>
    /// Characters as the databases' text indexes count them (code points): an emoji is one character but two UTF-16
    /// units, so a key of an emoji and one more character is too short for a trigram.
    /// </summary>
    public static int Characters(string text) => text.EnumerateRunes().Count();

    /// <summary>The key text search compares: "ﾄｯﾄﾘ 髙橋ｸﾘﾆｯｸ" and "とっとり高橋クリニック" give the same key.</summary>
    public static string SearchKey(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var normal = NormalizeKC(text);
        var fold = KeyFold.Value;
        var folded = new StringBuilder(normal.Length);
        foreach (var c in normal)
        {
            var f = fold[c];
            if (f != '\0' || c == '\0') folded.Append(f);
        }
        return folded.ToString();
    }

    /// <summary>
    /// What each character of NFKC text becomes in a search key, '\0' for left out: the variant kanji folded, katakana
    /// ァ..ヶ as hiragana ぁ..ゖ (a fixed offset), spaces, middle dots and control characters left out, lower case. One table lookup per
    /// character: every imported row gets a key, and asking ICU for each character's lower case was most of the time.
    /// </summary>
    private static readonly Lazy<char[]> KeyFold = new(() =>
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var ch = Variants.TryGetValue((char)i, out var v) ? v : (char)i;
            if (ch is >= 'ァ' and <= 'ヶ') ch = (char)(ch - 0x60);
            // Control characters too: SQLite's text index pads each key with U+0001 (see SqliteTextIndex).
            table[i] = char.IsWhiteSpace(ch) || char.IsControl(ch) || ch is '・' or '･' or '　' ? '\0' : char.ToLowerInvariant(ch);
        }
        return table;
    });

    /// <summary>
    /// NFKC, without the call into ICU for the text most names and addresses are made of: characters that are their own
    /// NFKC form and compose with nothing (printable ASCII, kana, ー・, unified kanji, common CJK punctuation), and
    /// full-width ASCII and the ideographic space, whose NFKC form is their ASCII twin. Anything else (half-width kana,
    /// combining marks, circled numbers, compatibility kanji…) goes to ICU whole. Every imported row is normalised, and
    /// ICU's per-call cost was most of the time spent building search keys.
    /// </summary>
    public static string NormalizeKC(string text)
    {
        var widened = false;
        foreach (var c in text)
        {
            if (IsOwnNfkc(c)) continue;
            if (c is (>= '\uFF01' and <= '\uFF5E') or '\u3000') { widened = true; continue; }
            return text.Normalize(NormalizationForm.FormKC);
        }
        if (!widened) return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c == '\u3000' ? ' ' : c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
            }
        });
    }

    // Checked against .NET's NFKC for every character of these ranges (JapaneseTextTests).
    private static bool IsOwnNfkc(char c) => c is (>= ' ' and <= '~') or (>= 'ぁ' and <= 'ゖ') or (>= 'ァ' and <= 'ヺ') or 'ー' or '・'
        or (>= '一' and <= '\u9FFF') or (>= '\u3001' and <= '\u3007') or (>= '\u3008' and <= '\u3011') or (>= '\u3014' and <= '\u301F');

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
