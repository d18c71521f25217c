using System.Security.Cryptography;
using Renkei.Web.Features.Councils;

namespace Renkei.Web.Features.Areas;

/// <summary>
/// A version's document, checked like a council attachment (<see cref="AttachmentTypes"/>: allowed types by
/// their first bytes, the size limit of <see cref="AttachmentOptions"/>) so a program renamed .pdf is refused.
/// </summary>
public sealed record AreaDocument(string FileName, string ContentType, byte[] Bytes, string Sha256)
{
    /// <returns>The checked document, or a Japanese message naming the file.</returns>
    public static async Task<(AreaDocument? Document, string? Error)> ReadAsync(IFormFile upload, long maxBytes, CancellationToken ct)
    {
        var name = AttachmentTypes.CleanName(upload.FileName);
        // Checked before reading: a file over the limit is never held in memory.
        if (upload.Length > maxBytes)
            return (null, $"「{name}」は {AttachmentOptions.Describe(upload.Length)} あり、登録できる大きさ（{AttachmentOptions.Describe(maxBytes)}）を超えています。");
        byte[] bytes;
        using (var buffer = new MemoryStream((int)upload.Length))
        {
            await upload.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        var (contentType, error) = AttachmentTypes.Check(name, bytes);
        if (error is not null) return (null, $"「{name}」は登録できません。{error}");
        return (new AreaDocument(name, contentType!, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))), null);
    }

    /// <summary>Puts the document on the version (name, type, size, hash); the bytes go to <see cref="AreaDocumentContent"/>.</summary>
    public void DescribeOn(AreaRuleVersion version)
    {
        version.FileName = FileName;
        version.ContentType = ContentType;
        version.FileSize = Bytes.LongLength;
        version.Sha256 = Sha256;
    }
}
