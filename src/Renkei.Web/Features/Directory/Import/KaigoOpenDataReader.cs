using System.Globalization;
using System.Text.RegularExpressions;
using Renkei.Web.Features.Organisations;
using Renkei.Web.Features.Regions;
using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// 介護サービス情報公表システム open data (jigyosho_NNN.csv, any service type of that layout): UTF-8,
/// exactly the 24 published columns. The service code comes from the file name, or from the
/// サービスの種類 column when the name has none. Bad rows are rejected with line and reason.
/// </summary>
public static partial class KaigoOpenDataReader
{
    public static readonly string[] Columns =
    [
        "都道府県コード又は市町村コード", "No", "都道府県名", "市区町村名", "事業所名", "事業所名カナ", "サービスの種類", "住所",
        "方書（ビル名等）", "緯度", "経度", "電話番号", "FAX番号", "法人番号", "法人の名称", "事業所番号", "利用可能曜日",
        "利用可能曜日特記事項", "定員", "URL", "高齢者の方と障害者の方が同時一体的に利用できるサービス",
        "介護保険の通常の指定基準を満たしている", "障害福祉の通常の指定基準を満たしている", "備考",
    ];

    // 事業所番号: 10 characters; the third is a letter for some service types (介護医療院: "02B0100010").
    [GeneratedRegex(@"^\d{2}[0-9A-Z]\d{7}$")]
    private static partial Regex OfficeNumber();

    [GeneratedRegex(@"jigyosho_(\d{3})", RegexOptions.IgnoreCase)]
    private static partial Regex FileCode();

    public static ImportFile Read(string path, string displayName, IReadOnlySet<string> municipalities, string? prefectureFilter = null)
    {
        var rows = SourceCsv.ReadWithHeader(path, displayName, Columns);
        var serviceCode = FileCode().Match(displayName) is { Success: true } m ? m.Groups[1].Value
            : CareServiceTypes.NameByCode.FirstOrDefault(kv => rows.Count > 0 && rows[0].Fields[6].Trim().EndsWith(kv.Value, StringComparison.Ordinal)).Key
            ?? throw new ImportFileException($"{displayName}: サービスの種類がわかりません。ファイル名を jigyosho_（サービスコード3桁）.csv にしてください。");
        var accepted = new List<ImportedProvider>();
        var rejected = new List<RejectedRow>();
        var seen = new HashSet<string>();
        foreach (var row in rows)
        {
            var f = row.Fields;
            if (f.Count != Columns.Length) { rejected.Add(new(row.LineNumber, $"列の数が {f.Count} です（{Columns.Length} 列のはずです）。")); continue; }
            var muni = f[0].Trim();
            var office = f[15].Trim();
            var key = $"{office}:{serviceCode}";
            var knownKey = OfficeNumber().IsMatch(office) ? key : null;
            if (LocalGovernmentCode.Problem(muni) is { } codeProblem) { rejected.Add(new(row.LineNumber, codeProblem, knownKey)); continue; }
            if (!municipalities.Contains(muni)) { rejected.Add(new(row.LineNumber, $"団体コード「{muni}」は市区町村一覧にありません。", knownKey)); continue; }
            if (prefectureFilter is not null && muni[..2] != prefectureFilter) continue;
            if (knownKey is null) { rejected.Add(new(row.LineNumber, $"事業所番号「{office}」は10桁の事業所番号ではありません。")); continue; }
            var name = f[4].Trim();
            if (name.Length == 0) { rejected.Add(new(row.LineNumber, "事業所名が空です。", knownKey)); continue; }
            if (!seen.Add(key)) { rejected.Add(new(row.LineNumber, $"事業所番号「{office}」が重複しています。")); continue; }
            accepted.Add(new ImportedProvider(row.LineNumber, IdentifierScheme.CareOffice, key, CareServiceTypes.KindOf(serviceCode), serviceCode, Fields(f, muni), []));
        }
        return new ImportFile(DataSource.KaigoOpenData, displayName, null, rows.Count, accepted, rejected,
            new ImportSlice(IdentifierScheme.CareOffice, new HashSet<ProviderKind> { CareServiceTypes.KindOf(serviceCode) }, new HashSet<string> { serviceCode },
                prefectureFilter is null ? null : new HashSet<string> { prefectureFilter }));
    }

    private static Dictionary<string, string?> Fields(IReadOnlyList<string> f, string muni)
    {
        var (url, email) = ContactText.UrlOrEmail(f[19]);
        var (lat, lng) = SourceCoordinates.Parse(f[9], f[10]);
        var corporate = f[13].Trim();
        var days = string.Join("　", new[] { f[16].Trim(), f[17].Trim() }.Where(s => s.Length > 0));
        return new Dictionary<string, string?>
        {
            ["Name"] = f[4].Trim(),
            ["NameKana"] = Blank(f[5]),
            ["PrefectureCode"] = muni[..2],
            ["MunicipalityCode"] = muni,
            ["Address"] = Blank(f[7]),
            ["Latitude"] = lat,
            ["Longitude"] = lng,
            ["Phone"] = ContactText.Phone(f[11]),
            ["Fax"] = ContactText.Phone(f[12]),
            ["CorporateNumber"] = CorporateNumber.Problem(corporate) is null && corporate.Length == 13 ? corporate : null,
            ["CorporateName"] = Blank(f[14]),
            ["OpenDays"] = Blank(days),
            ["Capacity"] = int.TryParse(f[18], NumberStyles.Integer, CultureInfo.InvariantCulture, out var cap) && cap > 0 ? cap.ToString(CultureInfo.InvariantCulture) : null,
            ["Url"] = url,
            ["Email"] = email,
        };
    }

    private static string? Blank(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
