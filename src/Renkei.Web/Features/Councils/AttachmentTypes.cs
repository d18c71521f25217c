using System.IO.Compression;

namespace Renkei.Web.Features.Councils;

/// <summary>
/// Which files may be attached, recognised by their first bytes and not by the name alone, so that a program
/// renamed to .pdf is refused. The content type stored and served is the one recognised here, never the
/// browser's claim.
/// </summary>
public static class AttachmentTypes
{
    public const string Allowed = "PDF、Word（.docx/.doc）、Excel（.xlsx/.xls）、PowerPoint（.pptx）、CSV、テキスト（.txt）、PNG、JPEG";
    public const string Accept = ".pdf,.docx,.xlsx,.pptx,.doc,.xls,.csv,.txt,.png,.jpg,.jpeg";

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    // Compound File Binary: the container of the old Office formats (.doc, .xls).
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    /// <returns>The content type to store, or an error message in Japanese.</returns>
    public static (string? ContentType, string? Error) Check(string fileName, byte[] bytes)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (bytes.Length == 0) return (null, "ファイルが空です。");
        var (contentType, matches) = ext switch
        {
            ".pdf" => ("application/pdf", bytes.AsSpan().StartsWith(Pdf)),
            ".docx" => ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", IsOfficeZip(bytes, "word/")),
            ".xlsx" => ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", IsOfficeZip(bytes, "xl/")),
            ".pptx" => ("application/vnd.openxmlformats-officedocument.presentationml.presentation", IsOfficeZip(bytes, "ppt/")),
            ".doc" => ("application/msword", bytes.AsSpan().StartsWith(Ole)),
            ".xls" => ("application/vnd.ms-excel", bytes.AsSpan().StartsWith(Ole)),
            ".csv" => ("text/csv", IsText(bytes)),
            ".txt" => ("text/plain", IsText(bytes)),
            ".png" => ("image/png", bytes.AsSpan().StartsWith(Png)),
            ".jpg" or ".jpeg" => ("image/jpeg", bytes.AsSpan().StartsWith(Jpeg)),
            _ => (null, false),
        };
        if (contentType is null) return (null, $"この種類のファイル（{(ext.Length == 0 ? "拡張子なし" : ext)}）は添付できません。添付できるのは {Allowed} です。");
        if (!matches) return (null, $"ファイルの内容が拡張子（{ext}）と一致しません。{ext} の形式のファイルか確認してください。");
        return (contentType, null);
    }

    // An Office Open XML file is a zip with [Content_Types].xml and its application's folder.
    private static bool IsOfficeZip(byte[] bytes, string folder)
    {
        if (!bytes.AsSpan().StartsWith(Zip)) return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null
                && zip.Entries.Any(e => e.FullName.StartsWith(folder, StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    // Text has no magic number: accept bytes that no text encoding in use here (UTF-8, Shift_JIS) produces
    // only as control characters, so that binaries renamed .txt/.csv are refused.
    private static bool IsText(byte[] bytes)
    {
        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C)) return false;
            if (b == 0x7F) return false;
        }
        return true;
    }

    /// <summary>The name as stored and offered for download: no folders, no control characters, at most 255 characters.</summary>
    public static string CleanName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        if (name.Length > 255) name = name[..(255 - Path.GetExtension(name).Length)] + Path.GetExtension(name);
        return name.Length == 0 ? "attachment" : name;
    }
}
