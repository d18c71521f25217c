namespace Renkei.Web.Features.Organisations;

/// <summary>
/// 法人番号: 13 digits, the first a check digit over the other twelve
/// (国税庁「法人番号の構成」: 9 − (Σ Pn·Qn mod 9), Qn = 1 for odd n, 2 for even n, n counted from the right).
/// </summary>
public static class CorporateNumber
{
    public static int CheckDigit(ReadOnlySpan<char> twelveDigits)
    {
        if (twelveDigits.Length != 12) throw new ArgumentException("12桁の数字が必要です。", nameof(twelveDigits));
        var sum = 0;
        for (var n = 1; n <= 12; n++)
        {
            var digit = twelveDigits[12 - n] - '0';
            if (digit is < 0 or > 9) throw new ArgumentException("数字以外の文字が含まれています。", nameof(twelveDigits));
            sum += digit * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - sum % 9;
    }

    public static string? Problem(string? number) => number switch
    {
        null or "" => null,
        { Length: not 13 } => "法人番号は13桁の数字で入力してください。",
        _ when !number.All(char.IsAsciiDigit) => "法人番号は13桁の数字で入力してください。",
        _ when CheckDigit(number.AsSpan(1)) != number[0] - '0' => $"法人番号「{number}」の検査数字（先頭の1桁）が正しくありません。",
        _ => null,
    };
}
