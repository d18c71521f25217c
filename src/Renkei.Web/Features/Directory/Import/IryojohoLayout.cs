using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>Where a facility file says on which days it is closed, and the word for "closed" (休診, 休業).</summary>
/// <param name="Weekly">Per weekday 月..日, the columns whose "0" means closed every week.</param>
/// <param name="Holiday">The columns whose "0" means closed on public holidays.</param>
/// <param name="Periodic">Per week 第1..第5, per weekday 月..日, the column whose "0" means closed that week.</param>
public sealed record ClosedDayColumns(string Label, string[][] Weekly, string[] Holiday, string[][] Periodic);

/// <summary>
/// The facility files (施設票) of the 医療情報ネット open data, as 厚生労働省「医療情報ネット_オープンデータ
/// 定義書（利用者向け）」v1.0 (2024-08-06, 001306376.xlsx) defines them. Hospital, clinic and dental files share
/// their first 57 columns and differ in the bed columns; the pharmacy file has a layout of its own. 機関区分 4
/// (助産所) has no provider kind in the directory and is not read.
/// </summary>
public sealed class IryojohoLayout
{
    private static readonly string[] Days = ["月", "火", "水", "木", "金", "土", "日"];
    private readonly Dictionary<string, int> _index;

    private IryojohoLayout(string label, ProviderKind kind, string kindCode, string[] columns, string name, string kana, string url, string? beds, ClosedDayColumns closed)
    {
        (Label, Kind, KindCode, Columns, NameColumn, KanaColumn, UrlColumn, BedsColumn, ClosedDays) = (label, kind, kindCode, columns, name, kana, url, beds, closed);
        _index = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
    }

    /// <summary>What the file lists, in Japanese (病院, 診療所 …).</summary>
    public string Label { get; }
    public ProviderKind Kind { get; }
    /// <summary>The one 機関区分 value the 定義書 allows in this file.</summary>
    public string KindCode { get; }
    public string[] Columns { get; }
    public string NameColumn { get; }
    public string KanaColumn { get; }
    public string UrlColumn { get; }
    public string? BedsColumn { get; }
    public ClosedDayColumns ClosedDays { get; }

    public int IndexOf(string column) => _index[column];

    // The published files write （gw、お盆等） where the 定義書 writes （GW、お盆等）: the lists follow the files,
    // and Same() below accepts either.
    private static readonly string[] MedicalHead =
    [
        "ID", "正式名称", "正式名称（フリガナ）", "略称", "略称（フリガナ）", "英語表記（ローマ字表記）", "機関区分", "都道府県コード",
        "市区町村コード", "所在地", "所在地座標（緯度）", "所在地座標（経度）", "案内用ホームページアドレス",
    ];

    // Despite the names, the 定義書 defines every flag as 0：休診 / 1：診療.
    private static readonly ClosedDayColumns MedicalClosed = new("休診",
        [.. Days.Select(d => new[] { $"毎週決まった曜日に休診（{d}）" })],
        ["祝日に休診"],
        [.. Enumerable.Range(1, 5).Select(w => Days.Select(d => $"決まった週に休診（定期週）第{w}週（{d}）").ToArray())]);

    private static string[] Medical(params string[] beds) =>
        [.. MedicalHead, .. MedicalClosed.Weekly.Select(d => d[0]), .. MedicalClosed.Periodic.SelectMany(w => w), "祝日に休診", "その他の休診日（gw、お盆等）", .. beds];

    public static readonly IryojohoLayout Hospital = new("病院", ProviderKind.Hospital, "1",
        Medical("一般病床", "療養病床", "療養病床のうち医療保険適用", "療養病床のうち介護保険適用", "精神病床", "結核病床", "感染症病床", "合計病床数"),
        "正式名称", "正式名称（フリガナ）", "案内用ホームページアドレス", "合計病床数", MedicalClosed);

    public static readonly IryojohoLayout Clinic = new("診療所", ProviderKind.Clinic, "2",
        Medical("一般病床", "療養病床", "療養病床のうち医療保険適用", "療養病床のうち介護保険適用", "合計病床数"),
        "正式名称", "正式名称（フリガナ）", "案内用ホームページアドレス", "合計病床数", MedicalClosed);

    public static readonly IryojohoLayout DentalClinic = new("歯科診療所", ProviderKind.DentalClinic, "3",
        Medical(), "正式名称", "正式名称（フリガナ）", "案内用ホームページアドレス", null, MedicalClosed);

    /// <summary>All of these columns are written by the 定義書 as 0：閉店 / 1：開店.</summary>
    private static readonly ClosedDayColumns PharmacyClosed = new("休業",
        [.. Days.Select(d => new[] { $"営業日（{d}）", $"定期閉店毎週（{d}）" })],
        ["営業日（祝）", "定期閉店毎週（祝）", "祝日"],
        // Only these week numbers are full-width in the 定義書 (第１週).
        [.. "１２３４５".Select(w => Days.Select(d => $"定期閉店第{w}週（{d}）").ToArray())]);

    public static readonly IryojohoLayout Pharmacy = new("薬局", ProviderKind.Pharmacy, "5",
    [
        "ID", "名称", "フリガナ", "ローマ字", "機関区分", "都道府県コード", "市区町村コード", "所在地", "所在地座標（緯度）", "所在地座標（経度）",
        "薬局のホームページアドレス",
        .. Days.Append("祝").Select(d => $"営業日（{d}）"), .. Days.Append("祝").Select(d => $"定期閉店毎週（{d}）"),
        .. PharmacyClosed.Periodic.SelectMany(w => w), "祝日", "その他の閉店日（gw、お盆等）",
        .. from band in Enumerable.Range(1, 4) from d in Days.Append("祝") from end in new[] { "開始", "終了" } select $"{d}_開店時間帯{band}_{end}時間",
    ], "名称", "フリガナ", "薬局のホームページアドレス", null, PharmacyClosed);

    public static readonly IReadOnlyList<IryojohoLayout> All = [Hospital, Clinic, DentalClinic, Pharmacy];

    /// <summary>
    /// The layout whose columns the header row has, or (when none matches) the one it shares most columns with,
    /// so that the header check names what is missing or extra against the nearest published layout.
    /// </summary>
    public static IryojohoLayout Match(IReadOnlyList<string>? header) =>
        header is null ? Hospital
            : All.FirstOrDefault(l => l.Columns.Length == header.Count && l.Columns.Zip(header).All(p => Same(p.First, p.Second)))
              ?? All.MaxBy(l => l.Columns.Count(c => header.Any(h => Same(c, h))))!;

    /// <summary>The header <see cref="SourceCsv"/> must find: the file's own spelling where it matches this layout.</summary>
    public string[] ExpectedHeader(IReadOnlyList<string>? header) =>
        header is not null && header.Count == Columns.Length && Columns.Zip(header).All(p => Same(p.First, p.Second))
            ? [.. header.Select(h => h.Trim())] : Columns;

    // Letter case and full-/half-width forms are the only differences tolerated (gw/GW, 第１週/第1週).
    internal static bool Same(string a, string b) =>
        string.Equals(JapaneseText.NormalizeKC(a.Trim()), JapaneseText.NormalizeKC(b.Trim()), StringComparison.OrdinalIgnoreCase);
}
