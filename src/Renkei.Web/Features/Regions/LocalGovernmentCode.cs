using System.Diagnostics.CodeAnalysis;

namespace Renkei.Web.Features.Regions;

/// <summary>
/// 全国地方公共団体コード: five digits plus a check digit (JIS X 0402 / 総務省 告示).
/// Check digit = (11 − Σ dᵢ·wᵢ mod 11) mod 10 with weights 6,5,4,3,2.
/// </summary>
public static class LocalGovernmentCode
{
    private static readonly int[] Weights = [6, 5, 4, 3, 2];

    public static int CheckDigit(ReadOnlySpan<char> fiveDigits)
    {
        if (fiveDigits.Length != 5) throw new ArgumentException("5桁の数字が必要です。", nameof(fiveDigits));
        var sum = 0;
        for (var i = 0; i < 5; i++)
        {
            var d = fiveDigits[i] - '0';
            if (d is < 0 or > 9) throw new ArgumentException("数字以外の文字が含まれています。", nameof(fiveDigits));
            sum += d * Weights[i];
        }
        return (11 - sum % 11) % 10;
    }

    /// <summary>Appends the check digit to a 5-digit code ("31201" → "312011").</summary>
    public static string WithCheckDigit(string fiveDigits) => fiveDigits + CheckDigit(fiveDigits);

    public static bool IsValid([NotNullWhen(true)] string? code) =>
        code is { Length: 6 } && code.All(char.IsAsciiDigit) && CheckDigit(code.AsSpan(0, 5)) == code[5] - '0';

    /// <summary>The Japanese reason a code is invalid, or null when it is valid.</summary>
    public static string? Problem(string? code) => code switch
    {
        null or "" => "団体コードが空です。",
        { Length: not 6 } => $"団体コード「{code}」は6桁ではありません。",
        _ when !code.All(char.IsAsciiDigit) => $"団体コード「{code}」に数字以外の文字があります。",
        _ when !IsValid(code) => $"団体コード「{code}」の検査数字が正しくありません（正しくは {WithCheckDigit(code[..5])}）。",
        _ => null,
    };
}
