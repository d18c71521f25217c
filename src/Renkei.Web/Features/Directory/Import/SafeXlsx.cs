using System.IO.Compression;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// Checks an uploaded xlsx before an Excel reader opens it. An xlsx is a zip archive, and a small zip can
/// expand to gigabytes (a "zip bomb") that would exhaust the server's memory inside the reader. The sizes
/// the archive declares are checked first; then every entry is inflated once and counted, so the limits
/// hold even if a reader trusted the data over a forged size (.NET 10's ZipArchive stops at the declared
/// size, so today this second pass is a safeguard, not the only line of defence).
/// </summary>
public static class SafeXlsx
{
    /// <summary>The largest file accepted (a 厚生局 list for one prefecture is a few MB).</summary>
    public const long MaxFileBytes = 100L * 1024 * 1024;

    /// <summary>The most all entries together may expand to.</summary>
    public const long MaxUncompressedBytes = 200L * 1024 * 1024;

    /// <summary>The highest expansion ratio accepted for an entry larger than <see cref="RatioCheckFrom"/> (real sheets: about 10).</summary>
    public const int MaxRatio = 100;

    public const long RatioCheckFrom = 1024 * 1024;

    private const int MaxEntries = 1000;

    /// <summary>Throws <see cref="ImportFileException"/> unless the file is an Excel workbook (xlsx) within the limits.</summary>
    public static void Check(string path, string displayName)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0) throw new ImportFileException($"{displayName}: ファイルが空です。");
        if (info.Length > MaxFileBytes) throw new ImportFileException($"{displayName}: ファイルが大きすぎます（{MaxFileBytes / 1024 / 1024} MB まで）。");
        using var stream = File.OpenRead(path);
        var head = new byte[4];
        var headLength = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (headLength == head.Length && head is [0xD0, 0xCF, 0x11, 0xE0])
            throw new ImportFileException($"{displayName}: 古い Excel 形式（.xls）かパスワード付きのファイルです。パスワードを外し、Excel ブック（.xlsx）として保存し直してください。");
        if (head is not [0x50, 0x4B, 0x03, 0x04])
            throw new ImportFileException($"{displayName}: Excel ブック（.xlsx）ではありません。ファイルの種類を確認してください。");
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries || zip.GetEntry("xl/workbook.xml") is null)
                throw new ImportFileException($"{displayName}: Excel ブック（.xlsx）の形式ではありません。");
            CheckDeclaredSizes(zip, displayName);
            CheckActualSizes(zip, displayName);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new ImportFileException($"{displayName}: xlsx として読めません。ファイルが壊れているか、途中で切れています（ダウンロードし直してください）。");
        }
    }

    private static void CheckDeclaredSizes(ZipArchive zip, string displayName)
    {
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (total > MaxUncompressedBytes) throw TooLarge(displayName);
            if (entry.Length > RatioCheckFrom && entry.Length > entry.CompressedLength * MaxRatio) throw TooCompressed(displayName);
        }
    }

    // Inflates without keeping anything; costs about as long as the reader's own pass over the file.
    private static void CheckActualSizes(ZipArchive zip, string displayName)
    {
        var buffer = new byte[81920];
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            using var content = entry.Open();
            long size = 0;
            int read;
            while ((read = content.Read(buffer)) > 0)
            {
                size += read;
                total += read;
                if (total > MaxUncompressedBytes) throw TooLarge(displayName);
                if (size > RatioCheckFrom && size > entry.CompressedLength * MaxRatio) throw TooCompressed(displayName);
            }
        }
    }

    private static ImportFileException TooLarge(string displayName) =>
        new($"{displayName}: 展開すると {MaxUncompressedBytes / 1024 / 1024} MB を超えるため読み込みません。");

    private static ImportFileException TooCompressed(string displayName) =>
        new($"{displayName}: 圧縮率が異常に高い（{MaxRatio} 倍を超える）ため読み込みません。壊れたファイルか、悪意のあるファイルのおそれがあります。");
}
