using System.IO.Compression;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// Guards the reading of an uploaded xlsx. An xlsx is a zip archive, and a small zip can expand to gigabytes
/// (a "zip bomb") that would exhaust the server's memory inside the reader. The sizes the archive declares
/// are checked when it is opened; then the bytes actually inflated are counted as they are read
/// (<see cref="Budget"/>), so the limits hold even if the data lied about its size. Readers that open the
/// archive themselves (MiniExcel) get <see cref="Check"/>, which inflates every entry once beforehand.
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

    /// <summary>Opens the workbook after the checks that need no inflating; throws <see cref="ImportFileException"/> unless it is an xlsx within the declared limits.</summary>
    public static ZipArchive Open(string path, string displayName)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0) throw new ImportFileException($"{displayName}: ファイルが空です。");
        if (info.Length > MaxFileBytes) throw new ImportFileException($"{displayName}: ファイルが大きすぎます（{MaxFileBytes / 1024 / 1024} MB まで）。");
        var stream = File.OpenRead(path);
        try
        {
            var head = new byte[4];
            var headLength = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            stream.Position = 0;
            if (headLength == head.Length && head is [0xD0, 0xCF, 0x11, 0xE0])
                throw new ImportFileException($"{displayName}: 古い Excel 形式（.xls）かパスワード付きのファイルです。パスワードを外し、Excel ブック（.xlsx）として保存し直してください。");
            if (head is not [0x50, 0x4B, 0x03, 0x04])
                throw new ImportFileException($"{displayName}: Excel ブック（.xlsx）ではありません。ファイルの種類を確認してください。");
            var zip = Unreadable(displayName, () => new ZipArchive(stream, ZipArchiveMode.Read));
            try
            {
                if (zip.Entries.Count > MaxEntries || zip.GetEntry("xl/workbook.xml") is null)
                    throw new ImportFileException($"{displayName}: Excel ブック（.xlsx）の形式ではありません。");
                CheckDeclaredSizes(zip, displayName);
                return zip;
            }
            catch
            {
                zip.Dispose();
                throw;
            }
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Throws <see cref="ImportFileException"/> unless the file is an xlsx whose entries, all inflated, stay within the limits.</summary>
    public static void Check(string path, string displayName)
    {
        using var zip = Open(path, displayName);
        var budget = new Budget(displayName);
        var buffer = new byte[81920];
        Unreadable(displayName, () =>
        {
            foreach (var entry in zip.Entries)
            {
                using var content = budget.Open(entry);
                while (content.Read(buffer) > 0) { }
            }
            return true;
        });
    }

    /// <summary>Runs a step that reads the archive, turning a broken or cut-off zip into the Japanese message.</summary>
    public static T Unreadable<T>(string displayName, Func<T> read)
    {
        try
        {
            return read();
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

    /// <summary>The bytes one workbook may still expand to; every entry is read through <see cref="Open(ZipArchiveEntry)"/>.</summary>
    public sealed class Budget(string displayName)
    {
        private long _total;

        public Stream Open(ZipArchiveEntry entry) => new CountingStream(entry.Open(), entry.CompressedLength, this);

        private void Add(long entrySize, long compressed, int read)
        {
            _total += read;
            if (_total > MaxUncompressedBytes) throw TooLarge(displayName);
            if (entrySize > RatioCheckFrom && entrySize > compressed * MaxRatio) throw TooCompressed(displayName);
        }

        private sealed class CountingStream(Stream inner, long compressed, Budget budget) : Stream
        {
            private long _size;

            public override int Read(Span<byte> buffer)
            {
                var read = inner.Read(buffer);
                _size += read;
                budget.Add(_size, compressed, read);
                return read;
            }

            public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => _size; set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing) inner.Dispose();
                base.Dispose(disposing);
            }
        }
    }

    private static ImportFileException TooLarge(string displayName) =>
        new($"{displayName}: 展開すると {MaxUncompressedBytes / 1024 / 1024} MB を超えるため読み込みません。");

    private static ImportFileException TooCompressed(string displayName) =>
        new($"{displayName}: 圧縮率が異常に高い（{MaxRatio} 倍を超える）ため読み込みません。壊れたファイルか、悪意のあるファイルのおそれがあります。");
}
