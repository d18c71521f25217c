using System.Security.Cryptography;

namespace Renkei.Web.Features.Councils;

/// <summary>
/// An uploaded document that passed the checks every stored document gets: the size limit of
/// <see cref="AttachmentOptions"/> (checked before reading, so a file over it is never held in memory) and the
/// allowed types by their first bytes (<see cref="AttachmentTypes"/>: a program renamed .pdf is refused).
/// Used for council attachments and for the documents of the areas' common rules.
/// </summary>
public sealed record CheckedUpload(string FileName, string ContentType, byte[] Bytes, string Sha256)
{
    /// <param name="verb">What the page calls storing it, for the messages: 「添付」 or 「登録」.</param>
    /// <returns>The checked document, or a Japanese message naming the file.</returns>
    public static async Task<(CheckedUpload? Upload, string? Error)> ReadAsync(IFormFile upload, long maxBytes, string verb, CancellationToken ct)
    {
        var name = AttachmentTypes.CleanName(upload.FileName);
        if (upload.Length == 0) return (null, $"「{name}」は空のファイルです（0 バイト）。{verb}するファイルを選び直してください。");
        if (upload.Length > maxBytes)
            return (null, $"「{name}」は {AttachmentOptions.Describe(upload.Length)} あり、{verb}できる大きさ（{AttachmentOptions.Describe(maxBytes)}）を超えています。");
        byte[] bytes;
        using (var buffer = new MemoryStream((int)upload.Length))
        {
            await upload.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        var (contentType, error) = AttachmentTypes.Check(name, bytes);
        if (error is not null) return (null, $"「{name}」は{verb}できません。{error}");
        return (new CheckedUpload(name, contentType!, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))), null);
    }
}
