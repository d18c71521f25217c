using System.Text;
using Renkei.Tests.Support;
using Renkei.Web.Platform.Text;

namespace Renkei.Tests.Platform;

/// <summary>
/// <see cref="CsvText"/> reads most fields as slices of the text and the rest a character at a time. These tests hold
/// it to the character-at-a-time reading it replaced (<see cref="Reference"/>, kept here as the specification): the same
/// rows, fields, line numbers and errors for random texts made of the characters that matter, and for the real files.
/// </summary>
public sealed class CsvTextTests
{
    [Fact]
    public void Random_texts_read_the_same_as_the_character_at_a_time_reading()
    {
        // The characters the reading decides on, with ordinary ASCII and Japanese text between them.
        string[] pieces = ["a", "1", "0", "あ", "東京都", ",", "\"", "\"\"", "\r", "\n", "\r\n", " ", ""];
        var random = new Random(20261123);
        var compared = 0;
        var failed = 0;
        for (var n = 0; n < 20000; n++)
        {
            var text = new StringBuilder();
            for (var k = random.Next(0, 25); k > 0; k--) text.Append(pieces[random.Next(pieces.Length)]);
            var (expected, expectedError) = Outcome(() => Reference(text.ToString()));
            var (actual, actualError) = Outcome(() => CsvText.Parse(text.ToString()).ToList());
            Assert.True(expectedError == actualError, $"error for {Show(text)}: expected {expectedError}, got {actualError}");
            Assert.True(Same(expected, actual), $"rows for {Show(text)}: expected {Dump(expected)}, got {Dump(actual)}");
            compared++;
            if (expectedError is not null) failed++;
        }
        Assert.Equal(20000, compared);
        Assert.InRange(failed, 100, 19000); // both outcomes were exercised
    }

    [Theory]
    [InlineData("kaigo-opendata/jigyosho_140.csv")]
    [InlineData("iryojoho-net/01-1_hospital_facility_info_20250601.csv")]
    public void The_real_files_read_the_same_as_the_character_at_a_time_reading(string file)
    {
        var path = Path.Combine(RepoPaths.Shared, "data", file);
        var text = File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF');
        var expected = Reference(text);
        var actual = CsvText.ReadFile(path).ToList();
        Assert.True(expected.Count > 1000);
        Assert.True(Same(expected, actual));
    }

    [Fact]
    public void One_character_fields_are_shared_strings()
    {
        var rows = CsvText.Parse("1,0,ab\n1,0,ab\n").ToList();
        Assert.Same(rows[0].Fields[0], rows[1].Fields[0]);
        Assert.Same(rows[0].Fields[1], rows[1].Fields[1]);
        Assert.Equal("ab", rows[1].Fields[2]);
    }

    private static (List<CsvText.Row>? Rows, string? Error) Outcome(Func<List<CsvText.Row>> read)
    {
        try { return (read(), null); }
        catch (FormatException e) { return (null, e.Message); }
    }

    private static bool Same(List<CsvText.Row>? a, List<CsvText.Row>? b) =>
        a is null ? b is null : b is not null && a.Count == b.Count
            && a.Zip(b).All(x => x.First.LineNumber == x.Second.LineNumber && x.First.Fields.SequenceEqual(x.Second.Fields, StringComparer.Ordinal));

    private static string Show(StringBuilder text) => "\"" + text.ToString().Replace("\r", "\\r").Replace("\n", "\\n") + "\"";

    private static string Dump(List<CsvText.Row>? rows) => rows is null ? "(error)"
        : string.Join(" | ", rows.Select(r => $"{r.LineNumber}:[{string.Join("][", r.Fields)}]".Replace("\r", "\\r").Replace("\n", "\\n")));

    /// <summary>The reading before fields were sliced: RFC 4180 a character at a time, carriage returns dropped outside quotes.</summary>
    private static List<CsvText.Row> Reference(string text)
    {
        var rows = new List<CsvText.Row>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowStart = 1;
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') inQuotes = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: inQuotes = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    rows.Add(new CsvText.Row(rowStart, fields));
                    fields = []; line++; rowStart = line;
                    break;
                default: field.Append(c); break;
            }
        }
        if (inQuotes) throw new FormatException($"{rowStart}行目: 引用符（\"）が閉じられていません。");
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add(new CsvText.Row(rowStart, fields));
        }
        return rows;
    }
}
