using System.Globalization;
using System.Text.RegularExpressions;
using Renkei.Web.Platform.Text;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// 医療情報ネット 診療科・診療時間票 (01-2_hospital_speciality_hours_YYYYMMDD.csv, 02-2_clinic_…, 03-2_dental_…; one layout
/// for the three kinds, 定義書 001306376.xlsx): one row per facility ID, 診療科目 and 診療時間帯 (1–3), with 診療時間 and
/// 外来受付時間 (HH:MM) per day 月..日, 祝. The file only adds 診療科目 and 診療時間 to facilities a 施設票 already brought
/// into the directory (<see cref="ImportFile.UpdatesOnly"/>). A facility with a bad row is left as it is this time:
/// its other rows alone would describe it wrongly.
/// </summary>
public static partial class IryojohoHoursReader
{
    public static readonly string[] Columns =
    [
        "ID", "診療科目コード", "診療科目名", "診療時間帯",
        .. IryojohoHoursText.Days.SelectMany(d => new[] { $"{d}_診療開始時間", $"{d}_診療終了時間" }),
        .. IryojohoHoursText.Days.SelectMany(d => new[] { $"{d}_外来受付開始時間", $"{d}_外来受付終了時間" }),
    ];

    private static readonly Dictionary<string, int> Index = Columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);

    [GeneratedRegex(@"^(\d{1,2}):(\d{2})$")]
    private static partial Regex Time();

    /// <summary>True when the header row has more of this file's columns than of any facility layout.</summary>
    public static bool Recognises(IReadOnlyList<string>? header) =>
        header is not null
        && Columns.Count(c => header.Any(h => IryojohoLayout.Same(c, h)))
           > IryojohoLayout.All.Max(l => l.Columns.Count(c => header.Any(h => IryojohoLayout.Same(c, h))));

    private sealed class Facility(string id, int line)
    {
        public string Id { get; } = id;
        public int Line { get; } = line;
        public List<DepartmentHours> Rows { get; } = [];
        public bool Rejected { get; set; }
    }

    public static ImportFile Read(string path, string displayName, string? prefectureFilter = null)
    {
        var rows = SourceCsv.ReadWithHeader(path, displayName, Columns);
        var rejected = new List<RejectedRow>();
        var facilities = new Dictionary<string, Facility>(StringComparer.Ordinal); // in file order of first row
        var seen = new HashSet<(string, string, string)>();
        foreach (var row in rows)
        {
            var f = row.Fields;
            if (f.Count != Columns.Length) { rejected.Add(new(row.LineNumber, $"列の数が {f.Count} です（{Columns.Length} 列のはずです）。")); continue; }
            string Get(string column) => f[Index[column]].Trim();
            var id = Get("ID");
            if (!IryojohoReader.IsId(id)) { rejected.Add(new(row.LineNumber, $"ID「{id}」は医療情報ネットの ID（半角英数字20文字以内）ではありません。")); continue; }
            if (prefectureFilter is not null && !id.StartsWith(prefectureFilter, StringComparison.Ordinal)) continue;
            if (KindOf(id) is null) { rejected.Add(new(row.LineNumber, $"ID「{id}」は病院・診療所・歯科診療所の ID（都道府県コードの次が 1・2・3）ではありません。")); continue; }
            if (!facilities.TryGetValue(id, out var facility)) facilities[id] = facility = new Facility(id, row.LineNumber);
            var problem = Problem(Get, out var hours);
            if (problem is null && !seen.Add((id, Get("診療科目コード") + "\t" + hours!.Department, hours.Band.ToString(CultureInfo.InvariantCulture))))
                problem = $"ID「{id}」の{hours.Department}・診療時間帯 {hours.Band} が重複しています。";
            if (problem is not null)
            {
                rejected.Add(new(row.LineNumber, problem + "（この施設の診療科・診療時間は今回は更新しません）", id));
                facility.Rejected = true;
                continue;
            }
            facility.Rows.Add(hours!);
        }
        var accepted = facilities.Values.Where(x => !x.Rejected).Select(x => new ImportedProvider(
            x.Line, IdentifierScheme.IryojohoId, x.Id, KindOf(x.Id)!.Value, null, Fields(x.Rows), [])).ToList();
        return new ImportFile(DataSource.IryojohoNet, displayName, IryojohoReader.AsOf(displayName), rows.Count, accepted, rejected,
            new ImportSlice(IdentifierScheme.IryojohoId, new HashSet<ProviderKind> { ProviderKind.Hospital, ProviderKind.Clinic, ProviderKind.DentalClinic }, null,
                prefectureFilter is null ? null : new HashSet<string> { prefectureFilter }))
        {
            UpdatesOnly = row => $"ID「{row.Key}」の施設は名簿にありません。先に施設票（{FacilityFile(row.Kind)}）を取り込んでください。",
        };
    }

    private static Dictionary<string, string?> Fields(List<DepartmentHours> rows)
    {
        var departments = string.Join("、", rows.Select(r => r.Department).Distinct());
        return new Dictionary<string, string?>
        {
            ["Departments"] = Cut(departments, ProviderFields.ByName["Departments"].MaxLength),
            ["Hours"] = IryojohoHoursText.Format(rows, ProviderFields.ByName["Hours"].MaxLength),
        };
    }

    /// <summary>Why a row cannot be read, or null with the row's hours.</summary>
    private static string? Problem(Func<string, string> get, out DepartmentHours? hours)
    {
        hours = null;
        var department = get("診療科目名");
        if (department.Length == 0) return "診療科目名が空です。";
        if (get("診療時間帯") is not ("1" or "2" or "3") and var band) return $"診療時間帯「{band}」は 1・2・3 のいずれでもありません。";
        var care = new TimeSpanOfDay?[IryojohoHoursText.Days.Length];
        var reception = new TimeSpanOfDay?[IryojohoHoursText.Days.Length];
        for (var d = 0; d < IryojohoHoursText.Days.Length; d++)
        {
            var day = IryojohoHoursText.Days[d];
            if (Span(get, $"{day}_診療", out care[d]) is { } p1) return p1;
            if (Span(get, $"{day}_外来受付", out reception[d]) is { } p2) return p2;
        }
        hours = new DepartmentHours(department, get("診療時間帯")[0] - '0', care, reception);
        return null;
    }

    // Both empty: no time that day. Otherwise both HH:MM (H:MM and full-width digits tolerated), end after start.
    private static string? Span(Func<string, string> get, string prefix, out TimeSpanOfDay? span)
    {
        span = null;
        var (startColumn, endColumn) = ($"{prefix}開始時間", $"{prefix}終了時間");
        var (start, end) = (get(startColumn), get(endColumn));
        if (start.Length == 0 && end.Length == 0) return null;
        if (start.Length == 0 || end.Length == 0) return $"{(start.Length == 0 ? startColumn : endColumn)}が空です（{(start.Length == 0 ? endColumn : startColumn)}はあります）。";
        var (s, e) = (Minutes(start), Minutes(end));
        if (s is null) return $"{startColumn}「{start}」が時刻（HH:MM）ではありません。";
        if (e is null) return $"{endColumn}「{end}」が時刻（HH:MM）ではありません。";
        if (e <= s) return $"{endColumn}「{end}」が{startColumn}「{start}」より後ではありません。";
        span = new TimeSpanOfDay(s.Value, e.Value);
        return null;
    }

    private static int? Minutes(string text)
    {
        var m = Time().Match(JapaneseText.NormalizeKC(text));
        if (!m.Success) return null;
        var (h, min) = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        return h < 24 && min < 60 || h == 24 && min == 0 ? h * 60 + min : null;
    }

    // Every ID begins with the 都道府県コード and the 機関区分 (see IryojohoReader).
    private static ProviderKind? KindOf(string id) => id.Length > 2 ? id[2] switch
    {
        '1' => ProviderKind.Hospital,
        '2' => ProviderKind.Clinic,
        '3' => ProviderKind.DentalClinic,
        _ => null,
    } : null;

    private static string FacilityFile(ProviderKind kind) => kind switch
    {
        ProviderKind.Clinic => "02-1_clinic_facility_info_…",
        ProviderKind.DentalClinic => "03-1_dental_facility_info_…",
        _ => "01-1_hospital_facility_info_…",
    };

    private static string Cut(string text, int maxLength) => text.Length <= maxLength ? text : text[..(maxLength - 1)] + "…";
}
