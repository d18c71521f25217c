using System.Security.Cryptography;
using System.Text;

namespace Renkei.Web.Features.Surveys;

/// <summary>
/// Private answer links: 32 random bytes (base64url, 43 characters) that only the provider receives.
/// The database keeps the SHA-256 alone, so the link cannot be recovered from it, only re-issued.
/// </summary>
public static class SurveyLinks
{
    public static string NewToken() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256 of the token; null for text that cannot be a token (nothing to look up).</summary>
    public static string? Hash(string? token)
    {
        if (token is not { Length: 43 } || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return null;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
    }

    public static string Path(string token) => "/survey/" + token;

    private static string Base64UrlEncode(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
