using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// 医療情報ネット（ナビイ）open data, facility files (施設票): hospitals (01-1_hospital_facility_info_YYYYMMDD.csv),
/// clinics (02-1_clinic_…), dental clinics (03-1_dental_…) and pharmacies (05_pharmacy_…); the 診療科・診療時間票
/// goes to <see cref="IryojohoHoursReader"/>. UTF-8, exactly the
/// published columns of one of the layouts in <see cref="IryojohoLayout"/>, recognised by the header row.
/// The as-of date comes from the file name. Bad rows are rejected with line and reason.
/// </summary>
public static partial class IryojohoReader
{
    // The 定義書 defines ID as a half-width string of up to 20 characters. Most are 13 digits, but some
    // prefectures use other numbering (8, 10 or 12 digits; Niigata "151BYJTX00001", Nagasaki "421hgo0001").
    // Every ID seen begins with the 都道府県コード and the 機関区分, which keeps the kinds' IDs apart.
    [GeneratedRegex("^[0-9A-Za-z]{1,20}$")]
    private static partial Regex Id();

    internal static bool IsId(string id) => Id().IsMatch(id);

    [GeneratedRegex(@"^\d{2}$")]
    private static partial Regex TwoDigits();

    [GeneratedRegex(@"^\d{3}$")]
    private static partial Regex ThreeDigits();

    [GeneratedRegex(@"_(\d{8})\.csv$", RegexOptions.IgnoreCase)]
    private static partial Regex FileDate();

    public static ImportFile Read(string path, string displayName, IReadOnlySet<string> municipalities, string? prefectureFilter = null)
    {
        var header = FirstRow(path);
        // The 診療科・診療時間票 shares the command and the upload choice: its header tells it apart.
        if (IryojohoHoursReader.Recognises(header)) return IryojohoHoursReader.Read(path, displayName, prefectureFilter);
        var layout = IryojohoLayout.Match(header);
        var rows = SourceCsv.ReadWithHeader(path, displayName, layout.ExpectedHeader(header));
        var accepted = new List<ImportedProvider>();
        var rejected = new List<RejectedRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var f = row.Fields;
            if (f.Count != layout.Columns.Length) { rejected.Add(new(row.LineNumber, $"列の数が {f.Count} です（{layout.Columns.Length} 列のはずです）。")); continue; }
            string Get(string column) => f[layout.IndexOf(column)].Trim();
            var id = Get("ID");
            var knownKey = Id().IsMatch(id) ? id : null;
            var (pref, city) = (Get("都道府県コード"), Get("市区町村コード"));
            if (!TwoDigits().IsMatch(pref) || !ThreeDigits().IsMatch(city))
            {
                rejected.Add(new(row.LineNumber, $"都道府県コード「{pref}」・市区町村コード「{city}」が2桁・3桁の数字ではありません。", knownKey));
                continue;
            }
            var muni = LocalGovernmentCode.WithCheckDigit(pref + city);
            if (!municipalities.Contains(muni)) { rejected.Add(new(row.LineNumber, $"団体コード「{muni}」（都道府県コード {pref}・市区町村コード {city}）は市区町村一覧にありません。", knownKey)); continue; }
            if (prefectureFilter is not null && pref != prefectureFilter) continue;
            if (knownKey is null) { rejected.Add(new(row.LineNumber, $"ID「{id}」は医療情報ネットの ID（半角英数字20文字以内）ではありません。")); continue; }
            var kindCode = Get("機関区分");
            if (kindCode != layout.KindCode) { rejected.Add(new(row.LineNumber, $"機関区分「{kindCode}」は{layout.Label}のファイルの値（{layout.KindCode}）ではありません。", knownKey)); continue; }
            if (!id.StartsWith(pref + kindCode, StringComparison.Ordinal)) { rejected.Add(new(row.LineNumber, $"ID「{id}」が都道府県コードと機関区分（{pref}{kindCode}）で始まっていません。")); continue; }
            if (Get(layout.NameColumn).Length == 0) { rejected.Add(new(row.LineNumber, $"{layout.NameColumn}が空です。", knownKey)); continue; }
            if (!seen.Add(id)) { rejected.Add(new(row.LineNumber, $"ID「{id}」が重複しています。")); continue; }
            accepted.Add(new ImportedProvider(row.LineNumber, IdentifierScheme.IryojohoId, id, layout.Kind, null, Fields(f, layout, pref, muni), []));
        }
        return new ImportFile(DataSource.IryojohoNet, displayName, AsOf(displayName), rows.Count, accepted, rejected,
            new ImportSlice(IdentifierScheme.IryojohoId, new HashSet<ProviderKind> { layout.Kind }, null,
                prefectureFilter is null ? null : new HashSet<string> { prefectureFilter }));
    }

    private static Dictionary<string, string?> Fields(IReadOnlyList<string> f, IryojohoLayout layout, string pref, string muni)
    {
        string Get(string column) => f[layout.IndexOf(column)].Trim();
        var (url, email) = ContactText.UrlOrEmail(Get(layout.UrlColumn));
        var (lat, lng) = SourceCoordinates.Parse(Get("所在地座標（緯度）"), Get("所在地座標（経度）"));
        var fields = new Dictionary<string, string?>
        {
            ["Name"] = Get(layout.NameColumn),
            ["NameKana"] = Blank(Get(layout.KanaColumn)),
            ["PrefectureCode"] = pref,
            ["MunicipalityCode"] = muni,
            ["Address"] = Blank(Get("所在地")),
            ["Latitude"] = lat,
            ["Longitude"] = lng,
            ["Url"] = url,
            ["Email"] = email,
            ["OpenDays"] = IryojohoClosedDays.Describe(f, layout),
        };
        if (layout.BedsColumn is { } beds)
            fields["Beds"] = int.TryParse(Get(beds), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n.ToString(CultureInfo.InvariantCulture) : null;
        return fields;
    }

    /// <summary>The date in the published file name (…_20250601.csv), when it has one.</summary>
    internal static DateOnly? AsOf(string fileName) =>
        FileDate().Match(fileName) is { Success: true } m
        && DateOnly.TryParseExact(m.Groups[1].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>
    /// The header row, read leniently from the first 64 KB only to choose the layout; <see cref="SourceCsv"/>
    /// then reads the whole file strictly and reports encoding, size and header problems.
    /// </summary>
    private static IReadOnlyList<string>? FirstRow(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[64 * 1024];
            var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var text = Encoding.UTF8.GetString(buffer, 0, n).TrimStart('\uFEFF');
            var end = text.IndexOf('\n', StringComparison.Ordinal);
            return CsvText.Parse(end < 0 ? text : text[..end]).FirstOrDefault()?.Fields;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static string? Blank(string s) => s.Length == 0 ? null : s;
}
