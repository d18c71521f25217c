using System.Text;

namespace Renkei.Web.Features.Directory.Export;

/// <summary>
/// Shift_JIS (Windows code page 932, what Excel on Japanese Windows assumes for a CSV without BOM)
/// for the municipal PCs that still open CSV that way.
/// </summary>
public static class ShiftJis
{
    /// <summary>Marks a character that Shift_JIS cannot hold.</summary>
    public const string Missing = "〓";

    // A character outside Shift_JIS (𠮷, ハングル, emoji…) would by default become "?", which reads as
    // real text and hides the loss; 〓 (geta) is the mark Japanese typesetting uses for a missing glyph.
    public static Encoding Encoding { get; } = Create();

    private static Encoding Create()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, new EncoderReplacementFallback(Missing), DecoderFallback.ReplacementFallback);
    }

    /// <summary>
    /// Text from Unicode sources uses the JIS forms of a few characters that code page 932 maps to
    /// other code points (〜 for ～, − for －…); they are swapped first so that "9:00〜17:00" survives
    /// instead of turning into 〓.
    /// </summary>
    public static string? Prepare(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.AsSpan().IndexOfAny("\u301C\u2212\u2016\u2014\u00A2\u00A3\u00AC") < 0) return value;
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                '\u301C' => '\uFF5E', // 〜 → ～
                '\u2212' => '\uFF0D', // − → －
                '\u2016' => '\u2225', // ‖ → ∥
                '\u2014' => '\u2015', // — → ―
                '\u00A2' => '\uFFE0', // ¢ → ￠
                '\u00A3' => '\uFFE1', // £ → ￡
                '\u00AC' => '\uFFE2', // ¬ → ￢
                var c => c,
            };
        }
        return new string(chars);
    }
}
