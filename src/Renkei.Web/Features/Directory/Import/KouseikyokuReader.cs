using Col = Renkei.Web.Features.Directory.Import.KouseikyokuColumn;

namespace Renkei.Web.Features.Directory.Import;

/// <summary>
/// 地方厚生局 届出受理医療機関名簿 (施設基準の届出, xlsx): one row per facility per 届出, grouped into
/// one provider per 医療機関コード (都道府県2 + 点数表1 + 医療機関番号7). Facilities without a tracked
/// 受理記号 are kept: they are providers all the same. The list is authoritative for its prefectures
/// and 区分 (医科: 病院・診療所, 歯科, 薬局). Bad facilities are rejected with line and reason.
/// </summary>
public static class KouseikyokuReader
{
    public static ImportFile Read(string path, string displayName, AddressMunicipality places, string? prefectureFilter = null)
    {
        var sheet = KouseikyokuSheet.Read(path, displayName);
        var rejected = new List<RejectedRow>();
        var groups = new Dictionary<(string Prefecture, string Section, string Number), List<KouseikyokuSheet.Row>>();
        var skippedOtherPrefectures = false;
        foreach (var row in sheet.Rows)
        {
            var number = KouseikyokuFacility.Normalized(row[Col.Number]);
            if (number.Length == 0)
            {
                // Blank rows and continuation rows (only a 備考 pair) belong to no new facility.
                if (row[Col.Name].Length > 0) rejected.Add(new(row.Line, $"{row[Col.Name]}: 医療機関番号が空です。"));
                continue;
            }
            var prefecture = PrefectureCode(row[Col.PrefectureCode]);
            if (prefectureFilter is not null && prefecture != prefectureFilter) { skippedOtherPrefectures = true; continue; }
            var key = (prefecture, row[Col.Section], number);
            if (!groups.TryGetValue(key, out var rows)) groups[key] = rows = [];
            rows.Add(row);
        }
        if (groups.Count == 0 && rejected.Count == 0)
        {
            throw new ImportFileException(skippedOtherPrefectures
                ? $"{displayName}: 都道府県コード「{prefectureFilter}」の医療機関がこのファイルにありません。"
                : $"{displayName}: 医療機関の行がありません（見出し行の下が空です）。");
        }

        var accepted = new List<ImportedProvider>();
        foreach (var (key, rows) in groups)
        {
            var (provider, problem) = KouseikyokuFacility.Build(key.Prefecture, rows, places);
            if (provider is not null) accepted.Add(provider);
            if (problem is not null) rejected.Add(problem);
        }
        rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
        var kinds = groups.Keys.Select(k => k.Section).Distinct()
            .SelectMany(s => KouseikyokuFacility.Sections.TryGetValue(s, out var section) ? section.Kinds : []).ToHashSet();
        var prefectures = groups.Keys.Select(k => k.Prefecture).Where(places.IsPrefecture).ToHashSet();
        return new ImportFile(DataSource.Kouseikyoku, displayName, sheet.AsOf, sheet.Rows.Count, accepted, rejected,
            new ImportSlice(IdentifierScheme.MedicalInstitutionCode, kinds, null, prefectures));
    }

    // Two digits; a list re-saved by hand may have turned "01" into the number 1.
    private static string PrefectureCode(string text)
    {
        var s = KouseikyokuFacility.Normalized(text);
        return s.Length == 1 && char.IsAsciiDigit(s[0]) ? "0" + s : s;
    }
}
