using System.Text;
using Renkei.Web.Platform.Text;

namespace Renkei.Tests.Platform;

public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("鳥取市", "鳥取市")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+81", "'+81")]
    [InlineData("-3", "'-3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("a=b", "a=b")]
    public void Fields_are_quoted_when_needed_and_formulas_made_inert(string? value, string expected) =>
        Assert.Equal(expected, CsvWriter.Field(value));

    [Fact]
    public async Task A_file_starts_with_the_bom_uses_crlf_and_reads_back_with_the_csv_reader()
    {
        using var stream = new MemoryStream();
        await using (var csv = new CsvWriter(stream))
        {
            await csv.WriteRowAsync(["名前", "備考"]);
            await csv.WriteRowAsync(["鳥取市", "改行\nと,カンマと\"引用符\""]);
        }
        var bytes = stream.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("名前,備考\r\n", text, StringComparison.Ordinal);
        var rows = CsvText.Parse(text).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["鳥取市", "改行\nと,カンマと\"引用符\""], rows[1].Fields);
    }
}
