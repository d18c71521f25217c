using System.Text.RegularExpressions;
using Renkei.Web.Platform.Time;
using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>The columns of a 届出受理医療機関名簿 the importer uses; the index into <see cref="KouseikyokuSheet.Row.Cells"/>.</summary>
public enum KouseikyokuColumn
{
    PrefectureCode, Section, Number, Name, Address, Phone, Fax, Beds, Symbol, Since, MunicipalityCode, TypeCode, NoteHeading, NoteData,
}

/// <summary>
/// The first sheet of a 地方厚生局 届出受理医療機関名簿 (xlsx) as text: the header row is found by its
/// cell texts (it is row 4 in 2025 files, not a fixed row), the as-of date from the "[令和７年１０月１日 現在 ]"
/// title above it. Read by <see cref="XlsxRows"/> within <see cref="SafeXlsx"/>'s limits; cells are text in the published
/// files, and a numeric or date cell (a list re-saved by hand) reads as its number or "yyyy-MM-dd".
/// </summary>
public static partial class KouseikyokuSheet
{
    public sealed record Row(int Line, string[] Cells)
    {
        public string this[KouseikyokuColumn column] => Cells[(int)column];
    }

    public sealed record Content(DateOnly? AsOf, IReadOnlyList<Row> Rows);

    // Header text per column; the required ones identify the header row.
    private static readonly (KouseikyokuColumn Column, string Header, bool Required)[] Headers =
    [
        (KouseikyokuColumn.PrefectureCode, "都道府県コード", true), (KouseikyokuColumn.Section, "区分", true),
        (KouseikyokuColumn.Number, "医療機関番号", true), (KouseikyokuColumn.Name, "医療機関名称", true),
        (KouseikyokuColumn.Address, "医療機関所在地（住所）", true), (KouseikyokuColumn.Phone, "電話番号", false),
        (KouseikyokuColumn.Fax, "FAX番号", false), (KouseikyokuColumn.Beds, "病床数", false),
        (KouseikyokuColumn.Symbol, "受理記号", true), (KouseikyokuColumn.Since, "算定開始年月日", true),
        (KouseikyokuColumn.MunicipalityCode, "市町村コード", false), (KouseikyokuColumn.TypeCode, "種別コード", false),
        (KouseikyokuColumn.NoteHeading, "備考（見出し）", false), (KouseikyokuColumn.NoteData, "備考（データ）", false),
    ];

    // The header is near the top; a sheet without it in the first rows is some other list.
    private const int HeaderSearchRows = 30;

    // "[令和７年１０月１日 現在 ]": a two-character era name, then year, month and day before 現在.
    [GeneratedRegex(@"(\S{2}[\s元0-9０-９]+年[\s0-9０-９]+月[\s0-9０-９]+日)\s*現在")]
    private static partial Regex AsOfText();

    public static Content Read(string path, string displayName)
    {
        using var zip = SafeXlsx.Open(path, displayName);
        var rows = new List<Row>();
        var titles = new List<string>();
        int[]? columns = null;
        try
        {
            foreach (var sheetRow in XlsxRows.Read(zip, new SafeXlsx.Budget(displayName)))
            {
                var line = sheetRow.Number;
                var values = Array.ConvertAll(sheetRow.Cells, c => c.Trim());
                if (columns is not null) { rows.Add(new Row(line, [.. columns.Select(i => i < 0 || i >= values.Length ? "" : values[i])])); continue; }
                columns = HeaderColumns(values);
                if (columns is null) titles.AddRange(values.Where(v => v.Length > 0));
                if (columns is null && line >= HeaderSearchRows) break;
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new ImportFileException($"{displayName}: xlsx として読めません。ファイルが壊れているか、途中で切れています（ダウンロードし直してください）。");
        }
        catch (Exception e) when (e is System.Xml.XmlException or FormatException or OverflowException or ArgumentException)
        {
            throw new ImportFileException($"{displayName}: xlsx として読めません（{e.Message}）。");
        }
        if (columns is null)
            throw new ImportFileException($"{displayName}: 見出し行（{string.Join("、", Headers.Where(h => h.Required).Select(h => h.Header))}）が先頭 {HeaderSearchRows} 行に見つかりません。地方厚生局の届出受理医療機関名簿か確認してください。");
        return new Content(AsOf(titles), rows);
    }

    // The index of each column in the sheet (header texts compared after NFKC: "ＦＡＸ番号" is "FAX番号"); -1 for an optional column it lacks; null when this is not the header row.
    private static int[]? HeaderColumns(string[] values)
    {
        var texts = values.Select(v => JapaneseText.NormalizeKC(v)).ToArray();
        var index = Headers.Select(h => Array.IndexOf(texts, JapaneseText.NormalizeKC(h.Header))).ToArray();
        return Headers.Where((h, i) => h.Required && index[i] < 0).Any() ? null : index;
    }

    private static DateOnly? AsOf(IEnumerable<string> titles) =>
        titles.Select(t => AsOfText().Match(t)).Where(m => m.Success)
            .Select(m => Wareki.TryParse(m.Groups[1].Value.TrimStart('['), out var d) ? d : (DateOnly?)null)
            .FirstOrDefault(d => d is not null);
}
