using Renkei.Web.Features.Organisations;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Text;

namespace Renkei.Tests.Platform;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("312011", true)]   // 鳥取市
    [InlineData("131016", true)]   // 千代田区
    [InlineData("221384", true)]   // 浜松市中央区 (2024)
    [InlineData("312012", false)]
    [InlineData("31201", false)]
    [InlineData("31201a", false)]
    [InlineData("", false)]
    public void Local_government_codes_are_checked_by_their_check_digit(string code, bool valid)
    {
        Assert.Equal(valid, LocalGovernmentCode.IsValid(code));
        Assert.Equal(valid, LocalGovernmentCode.Problem(code) is null);
    }

    [Fact]
    public void A_wrong_check_digit_message_gives_the_right_code() =>
        Assert.Contains("312011", LocalGovernmentCode.Problem("312019"), StringComparison.Ordinal);

    [Theory]
    [InlineData("7000012050002", true)]  // 国税庁's own 法人番号, as published
    [InlineData("8000012050002", false)]
    [InlineData("700001205000", false)]
    [InlineData("70000120500O2", false)]
    public void Corporate_numbers_are_checked_by_their_check_digit(string number, bool valid) =>
        Assert.Equal(valid, CorporateNumber.Problem(number) is null);

    [Fact]
    public void Csv_handles_quotes_commas_and_line_breaks_in_fields()
    {
        var rows = CsvText.Parse("a,b,c\r\n\"x, y\",\"He said \"\"hi\"\"\",\"line1\nline2\"\r\nlast,,").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["x, y", "He said \"hi\"", "line1\nline2"], rows[1].Fields);
        Assert.Equal(2, rows[1].LineNumber);
        Assert.Equal(4, rows[2].LineNumber);
        Assert.Equal(["last", "", ""], rows[2].Fields);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_with_its_line()
    {
        var error = Assert.Throws<FormatException>(() => CsvText.Parse("a\n\"open,b\nc").ToList());
        Assert.Contains("2行目", error.Message, StringComparison.Ordinal);
    }
}
